-- Seed 001's call log (GET /api/calls/{id}/log) names the call's room and thread; it answers from the
-- summary once the call is cleaned up, so the summary keeps them. Summaries written before stay null.
alter table meeting_summary add column room_key varchar(100);
alter table meeting_summary add column thread_id varchar(100);
