-- Instant calls are meetings with is_instant_call; these say how and from where they were started.
alter table meeting add column call_type varchar(10);
alter table meeting add column source_channel_id varchar(100);
alter table meeting add column thread_id varchar(100);
-- what the client told us at join (seed 001's call log shows it)
alter table meeting_participant add column device_info varchar(500);
-- notification types carry the other party for call notices (call.no_answer.<userId>)
alter table notification alter column type type varchar(100);

-- Presence: the last heartbeat per user. Never touches the BPMN engine; one row per user,
-- upserted once a minute per online user.
create table presence (
    user_id   varchar(64) primary key,
    last_seen timestamptz not null
);
create index presence_last_seen on presence (last_seen);

-- the call log (seed 001) shows each participant's device; keep it in the summary too
alter table meeting_summary_participant add column device_info varchar(500);
alter table meeting_summary add column call_type varchar(10);
