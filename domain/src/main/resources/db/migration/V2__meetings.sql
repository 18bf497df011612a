-- Meetings and instant calls (is_instant_call) share this table; ids are mtg_<uuid> / call_<uuid>.
create table meeting (
    id                varchar(60)   primary key,
    title             varchar(200)  not null,
    description       varchar(5000),
    start_time        timestamptz   not null,
    end_time          timestamptz   not null,
    provider          varchar(10)   not null,
    external_url      varchar(2000),
    room_key          varchar(100)  not null,
    recording_enabled boolean       not null default false,
    max_participants  integer,
    allow_external    boolean       not null default false,
    voice_only        boolean       not null default false,
    mute_on_join      boolean       not null default false,
    is_instant_call   boolean       not null default false,
    status            varchar(20)   not null,
    created_by        varchar(64)   not null,
    created_at        timestamptz   not null,
    started_at        timestamptz,
    ended_at          timestamptz,
    version           integer       not null
);
create index meeting_status_start on meeting (status, start_time, id);
create index meeting_created_by on meeting (created_by, start_time);
create index meeting_end_time on meeting (end_time);
create index meeting_title_lower on meeting (lower(title) varchar_pattern_ops);

create table meeting_participant (
    meeting_id       varchar(60)  not null references meeting (id) on delete cascade,
    user_id          varchar(64)  not null,
    display_name     varchar(200) not null,
    role             varchar(10)  not null,
    status           varchar(10)  not null,
    invited_at       timestamptz  not null,
    joined_at        timestamptz,
    left_at          timestamptz,
    attended_seconds bigint       not null default 0,
    ever_joined      boolean      not null default false,
    primary key (meeting_id, user_id)
);
create index meeting_participant_user on meeting_participant (user_id, meeting_id);

-- Per-user notifications (reminders, missed calls …); one of a kind per meeting and user.
create table notification (
    id           uuid         primary key,
    user_id      varchar(64)  not null,
    type         varchar(40)  not null,
    meeting_id   varchar(60),
    title        varchar(300) not null,
    data         jsonb        not null default '{}',
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    dismissed_at timestamptz,
    unique (meeting_id, user_id, type)
);
create index notification_user on notification (user_id, created_at desc);

create table meeting_chat_message (
    id           bigserial    primary key,
    meeting_id   varchar(60)  not null references meeting (id) on delete cascade,
    user_id      varchar(64)  not null,
    display_name varchar(200) not null,
    body         varchar(4000) not null,
    sent_at      timestamptz  not null
);
create index meeting_chat_by_meeting on meeting_chat_message (meeting_id, id);

-- The call-log summary: who, when, how long. Written when a meeting ends (or is
-- cancelled), kept after the meeting itself is cleaned up.
create table meeting_summary (
    meeting_id        varchar(60)  primary key,
    title             varchar(200) not null,
    is_instant_call   boolean      not null,
    provider          varchar(10)  not null,
    created_by        varchar(64)  not null,
    status            varchar(20)  not null,
    scheduled_start   timestamptz  not null,
    scheduled_end     timestamptz  not null,
    started_at        timestamptz,
    ended_at          timestamptz,
    duration_seconds  bigint       not null,
    participant_count integer      not null,
    invited_count     integer      not null,
    recorded_at       timestamptz  not null
);
create index meeting_summary_ended on meeting_summary (ended_at desc);

create table meeting_summary_participant (
    meeting_id       varchar(60) not null references meeting_summary (meeting_id) on delete cascade,
    user_id          varchar(64) not null,
    display_name     varchar(200) not null,
    role             varchar(10) not null,
    joined           boolean     not null,
    first_joined_at  timestamptz,
    last_left_at     timestamptz,
    attended_seconds bigint      not null,
    primary key (meeting_id, user_id)
);
create index meeting_summary_participant_user on meeting_summary_participant (user_id, meeting_id);
