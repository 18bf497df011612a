-- Domain events, written in the same transaction as the change they describe
-- (transactional outbox). The relay publishes them to Kafka in `position`
-- order and stamps `published_at`; rows are never updated otherwise.
create table outbox_event (
    position     bigserial    primary key,
    event_id     uuid         not null unique,
    type         varchar(100) not null,
    subject      varchar(100) not null,
    occurred_at  timestamptz  not null,
    data         jsonb        not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- One relay publishes at a time, so events keep their order per key even
-- with several app instances: it holds a short lease that it renews.
create table outbox_relay_lease (
    name        varchar(50) primary key,
    owner       varchar(200),
    lease_until timestamptz
);
insert into outbox_relay_lease (name) values ('kafka');

-- Operations' probe of the job executor: how late does a BPMN timer fire?
create table timer_probe (
    id           varchar(40)  primary key,
    requested_by varchar(100) not null,
    requested_at timestamptz  not null,
    status       varchar(20)  not null,
    delay_ms     bigint,
    fired_at     timestamptz,
    lateness_ms  bigint
);
