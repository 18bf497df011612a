package io.convene.application.call;

import io.convene.domain.meeting.CallEvent;
import io.convene.application.call.CallMeters.RingOutcome;
import io.convene.application.shared.Actor;
import io.convene.application.shared.CommittedCounter;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.processes.call.InstantCallGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The callee answers a ring: accept (then join) or decline (the caller is told). An answer and
 * the ring's timeout take the call's row lock first, so one of them wins cleanly: an answer
 * after the timeout finds no ring (409), a timeout after the answer finds the callee answered.
 * Each answer counts its ring ({@code convene.calls.rings}, answered or declined) when its
 * transaction commits; one refused (409) counts nothing.
 */
@Service
public class AnsweringCalls {

    private final Meetings meetings;
    private final CallPolicy policy;
    private final InstantCallGateway process;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;
    private final CommittedCounter answered;
    private final CommittedCounter declined;

    AnsweringCalls(Meetings meetings, CallPolicy policy, InstantCallGateway process, Notifications notifications,
                   EventOutbox outbox, UnitOfWork work, Clock clock, MeterRegistry meters) {
        this.answered = CallMeters.rings(meters, RingOutcome.ANSWERED);
        this.declined = CallMeters.rings(meters, RingOutcome.DECLINED);
        this.meetings = meetings;
        this.policy = policy;
        this.process = process;
        this.notifications = notifications;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    public Meeting accept(MeetingId callId, Actor actor) {
        return work.write(() -> {
            Meeting call = policy.lockedVisibleCall(callId, actor);
            call.respond(actor.id(), true);
            Meeting saved = meetings.save(call);
            stopRinging(callId, actor, true);
            outbox.append(new CallEvent.Accepted(callId, actor.id(), call.createdBy()));
            return saved;
        });
    }

    public Meeting decline(MeetingId callId, Actor actor) {
        return work.write(() -> {
            Meeting call = policy.lockedVisibleCall(callId, actor);
            call.respond(actor.id(), false);
            Meeting saved = meetings.save(call);
            stopRinging(callId, actor, false);
            String name = call.participant(actor.id()).map(Participant::displayName).orElse(actor.id());
            notifications.addOnce(call.createdBy(), "call.declined." + actor.id(), callId.value(),
                    name + " declined the call", Map.of("callId", callId.value(), "userId", actor.id()),
                    clock.instant(), null);
            outbox.append(new CallEvent.Declined(callId, actor.id(), call.createdBy()));
            return saved;
        });
    }

    private void stopRinging(MeetingId callId, Actor actor, boolean accepted) {
        if (!process.answered(callId.value(), actor.id(), accepted)) {
            throw new ConflictException("The call is not ringing you any more.");
        }
        (accepted ? answered : declined).increment();
    }
}
