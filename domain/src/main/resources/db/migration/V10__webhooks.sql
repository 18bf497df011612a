-- Webhooks (issue 10): registrations, one delivery per (webhook, event), every attempt.
create table webhook (
    id                      uuid         primary key,
    owner_id                varchar(64)  not null,
    org_wide                boolean      not null default false,
    url                     varchar(2048) not null,
    event_types             text[]       not null,
    description             varchar(500),
    active                  boolean      not null default true,
    disabled_reason         varchar(40),              -- exhausted | gone | (null when active or switched off by hand)
    disabled_at             timestamptz,
    secret                  bytea        not null,    -- AEAD ciphertext, the webhook id as associated data
    previous_secret         bytea,                    -- still signs until previous_secret_until (rotation overlap)
    previous_secret_until   timestamptz,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);
create index webhook_owner on webhook (owner_id, created_at);

-- One row per (webhook, event): the unique key is what makes a replayed topic or a restarted
-- consumer insert nothing new, so a delivery has exactly one first attempt.
create table webhook_delivery (
    id              uuid         primary key,
    webhook_id      uuid         not null references webhook (id) on delete cascade,
    event_id        uuid         not null,
    message_id      varchar(40)  not null,           -- the webhook-id header, stable across attempts
    event_type      varchar(100) not null,
    body            text         not null,           -- the exact JSON sent (and signed) on every attempt
    state           varchar(12)  not null,           -- pending | retrying | delivered | failed | skipped
    attempts        int          not null default 0,
    claimed_until   timestamptz,                     -- the node that inserted it sends the first attempt until then
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (webhook_id, event_id)
);
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at desc);
create index webhook_delivery_unsent on webhook_delivery (claimed_until) where state = 'pending';
create index webhook_delivery_created on webhook_delivery (created_at);

create table webhook_attempt (
    delivery_id     uuid         not null references webhook_delivery (id) on delete cascade,
    number          int          not null,
    attempted_at    timestamptz  not null,
    status_code     int          not null,           -- 0: no response (refused, timeout, connection error)
    duration_ms     bigint       not null,
    response        varchar(1024),                   -- the start of the response body
    error           varchar(500),
    primary key (delivery_id, number)
);
