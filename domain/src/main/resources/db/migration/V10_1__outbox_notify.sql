-- Every transaction that adds outbox events tells the relay at its commit (PostgreSQL delivers a
-- NOTIFY only when, and if, the transaction commits; repeats within one transaction fold into
-- one; the payload is the transaction's id, which says whose commit it was). The relay LISTENs on this channel, so a commit on any node — or any writer of the table —
-- reaches Kafka within milliseconds; its poll stays as the fallback when the listener is away.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('convene_outbox', txid_current()::text);
    return null;
end;
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
