package io.convene.application.call;

import io.convene.domain.meeting.CallEvent;
import io.convene.application.call.CallMeters.RingOutcome;
import io.convene.application.presence.Presence;
import io.convene.application.shared.CommittedCounter;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.domain.notification.Notifications;
import io.convene.domain.user.DirectoryUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A callee's phone: rung while online (call:incoming), "didn't answer" / "missed call" when
 * the ring times out; offline, it is not rung and the caller is told "not reachable" at once
 * (a 1:1 call is refused and the callee told "… tried to call you" instead). Each notice about a
 * call is written once (its notification key), so a retried job is harmless.
 */
@Service
public class Ringing {

    /** The notice type of a 1:1 call that was refused because its callee is offline. */
    public static final String ATTEMPT = "call.attempt";

    /** Who of the callees is rung (online) and who is not reachable (offline). */
    record Reach(List<String> ringing, List<String> unreachable) {}

    private final Meetings meetings;
    private final Notifications notifications;
    private final Presence presence;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;
    private final CommittedCounter timedOut;
    private final CommittedCounter joinedWhileRinging;

    Ringing(Meetings meetings, Notifications notifications, Presence presence, EventOutbox outbox, UnitOfWork work,
            Clock clock, MeterRegistry meters) {
        this.timedOut = CallMeters.rings(meters, RingOutcome.TIMED_OUT);
        this.joinedWhileRinging = CallMeters.rings(meters, RingOutcome.ANSWERED);
        this.meetings = meetings;
        this.notifications = notifications;
        this.presence = presence;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** The process rings {@code callee}; the notice shows for {@code ringFor} (the model's ring timeout). */
    public void ring(MeetingId callId, String callee, String caller, Duration ringFor) {
        work.run(() -> {
            Meeting call = meetings.findById(callId)
                    .orElseThrow(() -> new IllegalStateException("call " + callId + " is gone"));
            String callerName = call.participant(caller).map(Participant::displayName).orElse("Someone");
            Instant now = clock.instant();
            // renewed, not added once: a callee rung again (POST /api/calls/notify) sees the call again
            notifications.addOrRenew(callee, "call.incoming", callId.value(), callerName + " is calling",
                    Map.of("callId", callId.value(), "callerId", caller, "callType", String.valueOf(call.callType())),
                    now, now.plus(ringFor));
            outbox.append(new CallEvent.Ringing(callId, callee, caller));
        });
    }

    /**
     * Nobody picked up within the ring timeout: the caller is told, the callee gets a missed call.
     * The ring is counted ({@code convene.calls.rings}) when the timer job's transaction commits:
     * a job retried after a failure counts once. An accept or decline ends the ring before its
     * timer (and counts itself, {@link AnsweringCalls}); a callee found in the call joined it
     * without answering the ring: answered.
     */
    public void noAnswer(MeetingId callId, String callee, String caller) {
        work.run(() -> {
            // the row lock orders this timeout and an answer at the same moment (see AnsweringCalls)
            Meeting call = meetings.findLockedById(callId).orElse(null);
            if (call != null && call.participant(callee).map(p -> p.status() == ParticipantStatus.JOINED
                    || p.status() == ParticipantStatus.ACCEPTED).orElse(false)) {
                joinedWhileRinging.increment();
                return; // picked up after all
            }
            String calleeName = call == null ? callee
                    : call.participant(callee).map(Participant::displayName).orElse(callee);
            Instant now = clock.instant();
            notifications.addOnce(caller, "call.no_answer." + callee, callId.value(), calleeName + " didn't answer",
                    Map.of("callId", callId.value(), "calleeId", callee), now, null);
            notifications.addOnce(callee, "call.missed", callId.value(), "Missed call",
                    Map.of("callId", callId.value(), "callerId", caller), now, null);
            outbox.append(new CallEvent.Missed(callId, callee, caller, "no_answer"));
            timedOut.increment();
        });
    }

    /** Splits callees into online (to ring) and offline (not reachable), in their order. Writes nothing. */
    Reach reach(List<String> calleeIds) {
        Set<String> online = presence.online(calleeIds);
        List<String> ringing = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (String callee : calleeIds) {
            (online.contains(callee) ? ringing : unreachable).add(callee);
        }
        return new Reach(ringing, unreachable);
    }

    /**
     * In the caller's transaction: the caller is told who of {@code reach} is not reachable. The
     * offline callees get nothing (seed 002 §3.5: "only online users are notified"; scenario 3:
     * "Dave receives NO notification"); the call's {@code call.missed} event (reason
     * {@code offline}) takes them off the caller's waiting grid.
     */
    void notReachable(Meeting call, Reach reach) {
        Instant now = clock.instant();
        reach.unreachable().forEach(id -> offline(call, id, now));
    }

    private void offline(Meeting call, String calleeId, Instant now) {
        String callId = call.id().value();
        String name = call.participant(calleeId).map(Participant::displayName).orElse(calleeId);
        notifications.addOnce(call.createdBy(), "call.unreachable." + calleeId, callId, name + " is not reachable",
                Map.of("callId", callId, "calleeId", calleeId), now, null);
        outbox.append(new CallEvent.Missed(call.id(), calleeId, call.createdBy(), "offline"));
    }

    /**
     * A 1:1 call refused because its callee is offline (seed 002, scenario 2: "send … notification
     * Alice tried to call you"): a notice of its own ({@value #ATTEMPT}) for the callee, about a
     * call that was never made — so it names no call ({@code meetingId} null) but the caller.
     * One per attempt, like a phone's list of missed calls; the user dismisses it.
     */
    void attempted(DirectoryUser caller, DirectoryUser callee, CallOrigin origin) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callerId", caller.id());
        data.put("callerName", caller.displayName());
        data.put("callType", origin.callType());
        if (origin.sourceChannelId() != null) {
            data.put("sourceChannelId", origin.sourceChannelId());
        }
        if (origin.threadId() != null) {
            data.put("threadId", origin.threadId());
        }
        notifications.addOnce(callee.id(), ATTEMPT, null, caller.displayName() + " tried to call you", data,
                clock.instant(), null);
    }
}
