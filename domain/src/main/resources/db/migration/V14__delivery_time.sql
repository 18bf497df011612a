-- Events and notifications with a time of their own (a reminder prepared ahead of its due instant):
-- the relay publishes an event when deliver_at has come (null: at once), and a user's list shows
-- a notification from created_at on. stored_at: when the row was written (operations, benchmarks).
alter table outbox_event add column deliver_at timestamptz;
alter table notification add column stored_at timestamptz not null default now();

-- The outbox-retention process deletes events published longer ago than its retention (P7D).
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
