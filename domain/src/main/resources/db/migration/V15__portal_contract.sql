-- Issue 20, the portal's client as the contract:
-- seed 002's waiting_room_enabled, stored and returned (docs/portal-contract.md says what it means here);
alter table meeting add column waiting_room_enabled boolean not null default false;
-- Sc6.3: an owner or a manager mutes a participant; the participant may unmute themselves.
alter table meeting_participant add column muted boolean not null default false;
alter table meeting_participant add column muted_by varchar(64);
alter table meeting_participant add column muted_at timestamptz;
-- The Past list answers seed 002's Meeting model from the call-log summary once the meeting is
-- cleaned up: what the model reads is kept with it; the participants' answers too.
alter table meeting_summary add column description varchar(5000);
alter table meeting_summary add column allow_external boolean not null default false;
alter table meeting_summary add column max_participants integer;
alter table meeting_summary add column channel_id varchar(100);
alter table meeting_summary_participant add column status varchar(10);
