-- Recordings (issue 12): seed 002 Open Question 10's meeting_recordings, one per meeting, and its
-- chunks. No foreign key to meeting: a recording outlives the meeting's cleanup (it belongs to the
-- meeting's summary) and is deleted by its own retention, or by its owner.
create table meeting_recording (
    recording_id     varchar(60)   primary key,             -- rec_<uuid>; the recording-finalisation business key
    meeting_id       varchar(60)   not null unique,
    owner_id         varchar(64)   not null,                -- the meeting's owner when it started: may delete it
    started_by       varchar(64)   not null,                -- who uploaded the first chunk (a user or the recorder)
    started_at       timestamptz   not null,
    last_chunk_at    timestamptz   not null,
    status           varchar(12)   not null,                -- recording | processing | ready | failed | deleted
    format           varchar(40)   not null,                -- from the first chunk's media type, e.g. webm
    storage_prefix   varchar(200)  not null,                -- recordings/<meeting>/<recording>/ in the bucket
    manifest_key     varchar(200)  not null,                -- the manifest's name under the prefix
    chunk_count      int           not null default 0,
    size_bytes       bigint        not null default 0,
    duration_ms      bigint        not null default 0,
    failure_reason   varchar(500),
    ready_at         timestamptz,
    ended_at         timestamptz                             -- ready, failed or deleted at
);
create index meeting_recording_status on meeting_recording (status);

create table recording_chunk (
    recording_id     varchar(60)   not null references meeting_recording (recording_id) on delete cascade,
    sequence         int           not null,
    object_key       varchar(300)  not null,
    size_bytes       bigint        not null,
    duration_ms      bigint        not null,
    sha256           char(64)      not null,                 -- hex, computed while the chunk streamed in
    md5              char(32),                               -- hex, when the recorder sent Content-MD5
    content_type     varchar(100)  not null,
    uploaded_by      varchar(64)   not null,
    uploaded_at      timestamptz   not null,
    primary key (recording_id, sequence)
);
