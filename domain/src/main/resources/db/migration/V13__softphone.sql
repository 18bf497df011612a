-- The softphone (issue 13): org SIP settings, per-user SIP credentials, their audit, and the call log.

-- One row: the org's SIP settings (the deployment is one org).
create table sip_settings (
    id              smallint      primary key default 1 check (id = 1),
    enabled         boolean       not null,
    ws_url          varchar(2048),
    realm           varchar(255),
    outbound_proxy  varchar(2048),
    ice_servers     jsonb         not null default '[]',
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null
);

-- A user's SIP account. The password is an AEAD ciphertext (Tink, AES-256-GCM) with the user id as
-- associated data; key_id names the keyset key that sealed it, so a re-encryption finds the old ones.
create table sip_credential (
    user_id         varchar(64)   primary key,
    extension       varchar(32)   not null unique,
    password        bytea         not null,
    key_id          bigint        not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null
);
create index sip_credential_key on sip_credential (key_id);

-- Who changed what, when (never a password).
create table sip_audit (
    id              bigserial     primary key,
    at              timestamptz   not null,
    actor_id        varchar(64)   not null,
    action          varchar(40)   not null,   -- settings.changed | credentials.set | credentials.deleted | credentials.reencrypted
    user_id         varchar(64),              -- whose credentials
    detail          jsonb         not null default '{}'
);
create index sip_audit_at on sip_audit (at desc);

-- The call log: one row per call and user — softphone calls the softphone reports, and the
-- user's instant (Jitsi) calls, written when the call ends. Kept for its own retention (P1Y).
create table call_log (
    id               uuid          primary key,
    user_id          varchar(64)   not null,
    user_name        varchar(200)  not null,
    source           varchar(10)   not null,   -- softphone | call (an instant call, meeting_id)
    direction        varchar(3)    not null,   -- in | out
    remote_number    varchar(20),              -- E.164 (softphone calls)
    remote_name      varchar(200),             -- the other party of an instant call
    contact_id       varchar(200),             -- the CRM contact the number matched
    contact_name     varchar(200),
    sip_call_id      varchar(255),
    meeting_id       varchar(60),
    status           varchar(10)   not null,   -- ringing | active | answered | missed | declined | failed
    missed_reason    varchar(20),              -- no_answer | caller_hung_up
    started_at       timestamptz   not null,
    answered_at      timestamptz,
    ended_at         timestamptz,
    duration_seconds bigint        not null default 0,
    missed_notified_at timestamptz,            -- the missed-call notification went out (once)
    unique (user_id, sip_call_id),
    unique (meeting_id, user_id)
);
-- the list (newest first) and the KPIs, a user's and the org's: index-only scans for the KPIs
create index call_log_user_started on call_log (user_id, started_at desc, id desc)
    include (direction, status, duration_seconds);
create index call_log_started on call_log (started_at desc, id desc)
    include (user_id, direction, status, duration_seconds);

-- Instant calls that ended before this version: their summaries' participants become call-log rows.
insert into call_log (id, user_id, user_name, source, direction, remote_name, meeting_id, status, started_at,
                      answered_at, ended_at, duration_seconds)
select gen_random_uuid(), p.user_id, p.display_name, 'call',
       case when p.user_id = s.created_by then 'out' else 'in' end, left(s.title, 200), s.meeting_id,
       case when p.joined then 'answered' else 'missed' end, coalesce(s.started_at, s.scheduled_start),
       p.first_joined_at, s.ended_at, p.attended_seconds
from meeting_summary s join meeting_summary_participant p on p.meeting_id = s.meeting_id
where s.is_instant_call
on conflict do nothing;
