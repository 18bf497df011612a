-- Issue 21: offline within the disconnect grace. When a user's last socket closes, the heartbeats
-- sent before (over that socket) no longer hold them online; a heartbeat after it (REST, while the
-- socket is down) does.
alter table presence add column socket_closed_at timestamptz;
