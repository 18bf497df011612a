-- Presence, whole: connections per instance under a lease, heartbeats, a short grace after the
-- last disconnect, and what was last announced (status, in_call) so that presence.changed is
-- written only on transitions. Never touches the BPMN engine.
alter table presence add column last_heartbeat timestamptz;
alter table presence add column grace_until    timestamptz;
alter table presence add column status         varchar(10) not null default 'offline';
alter table presence add column in_call        boolean     not null default false;
update presence set last_heartbeat = last_seen;
-- the sweep looks only at users announced online or in a call
create index presence_online on presence (last_heartbeat) where status = 'online';
create index presence_in_call on presence (user_id) where in_call;

-- One row per app instance that holds real-time connections; it renews lease_until while it
-- lives, and any instance deletes an expired row with its connections (a node that died).
create table presence_instance (
    instance_id varchar(100) primary key,
    lease_until timestamptz  not null,
    renewed_at  timestamptz  not null
);

-- One row per open socket (a user with two tabs has two).
create table presence_connection (
    connection_id varchar(100) primary key,
    instance_id   varchar(100) not null,
    user_id       varchar(64)  not null,
    connected_at  timestamptz  not null
);
create index presence_connection_user on presence_connection (user_id);
create index presence_connection_instance on presence_connection (instance_id);
