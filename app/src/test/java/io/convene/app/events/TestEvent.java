package io.convene.app.events;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;

/** Events the outbox tests write: they mean nothing to anyone (no route, no webhook). */
@EventFamily("test")
public sealed interface TestEvent extends DomainEvent {

    @EventInfo("A row the retention test ages.")
    record Retention(String subject, int n) implements TestEvent {}

    @EventInfo("One of a subject's steps, to check their order.")
    record Step(String subject, int step) implements TestEvent {}
}
