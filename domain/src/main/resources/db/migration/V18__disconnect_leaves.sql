-- Disconnect = leave (issue 21, docs/presence.md "Leaving by disconnect"). A participation joined while
-- the user had a live socket is tracked by their sockets: when the user's last socket closes (or the node
-- that held it dies) they leave after the leave grace. A participation joined over REST alone is not.
alter table meeting_participant add column socket_tracked boolean not null default false;
-- the fallback sweep looks only at the tracked participations of those in a meeting or call now
create index meeting_participant_socket_tracked on meeting_participant (user_id) where status = 'JOINED' and socket_tracked;

-- when the user's last socket went (null while one is open, or never had one); when their leave check is
-- due (set with it, cleared by a reconnect or once checked: the index holds only the pending checks)
alter table presence add column socketless_since timestamptz;
alter table presence add column leave_due_at      timestamptz;
create index presence_leave_due on presence (leave_due_at) where leave_due_at is not null;
