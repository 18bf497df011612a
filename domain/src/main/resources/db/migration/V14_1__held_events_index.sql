-- Withdrawing a meeting's held events (a cancel or a new time; every call's cleanup asks too) looks
-- them up by subject among the few held ones, not through the whole outbox.
create index outbox_event_held on outbox_event (subject) where deliver_at is not null and published_at is null;
