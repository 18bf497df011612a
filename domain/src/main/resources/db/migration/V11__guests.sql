-- Guests (issue 11): invitation links, guest sessions with their pre-key bundles, access requests,
-- and the per-client-address throttle counters. All of it here so limits hold across app instances.

-- One link per meeting or call; a new link replaces the row, so the old token stops working.
create table guest_link (
    meeting_id   varchar(60)  primary key references meeting (id) on delete cascade,
    token_hash   bytea        not null unique,          -- SHA-256 of the token; the token itself is never stored
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    joins        int          not null default 0        -- registrations through this token (capped)
);

-- No foreign key to meeting: a call is deleted moments after it ends, yet its admitted guests are
-- warned and removed after a grace; the session row goes when its guest is removed.
create table guest_session (
    id                    uuid         primary key,
    meeting_id            varchar(60)  not null,
    display_name          varchar(100) not null,
    email                 varchar(254),
    identity_key_public   varchar(1024) not null,
    signed_pre_key        varchar(2048) not null,
    pre_keys              text         not null,        -- JSON array, at most 100
    admission             varchar(10)  not null,        -- none | pending | admitted | declined
    admitted_by           varchar(64),
    declines              int          not null default 0,
    joined_at             timestamptz,                  -- in the meeting's room (set by the guest's join)
    credential_hash       bytea        not null unique, -- SHA-256 of the guest credential (cvg_…)
    credential_expires_at timestamptz  not null,
    created_at            timestamptz  not null,
    expires_at            timestamptz  not null,        -- created_at + the session maximum of the model
    ended_at              timestamptz,
    end_reason            varchar(40)
);
create index guest_session_meeting on guest_session (meeting_id, admission) where ended_at is null;

create table guest_admission_request (
    id            uuid         primary key,
    session_id    uuid         not null references guest_session (id) on delete cascade,
    meeting_id    varchar(60)  not null,
    requested_at  timestamptz  not null,
    state         varchar(10)  not null,                -- pending | admitted | declined | expired
    answered_by   varchar(64),
    answered_at   timestamptz
);
create index guest_request_session on guest_admission_request (session_id, requested_at desc);

-- Fixed-window counters of the landing and register endpoints, one row per (endpoint, client address).
create table guest_throttle (
    bucket        varchar(120) primary key,
    window_start  timestamptz  not null,
    hits          int          not null
);
create index guest_throttle_window on guest_throttle (window_start);
