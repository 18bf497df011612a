package io.convene.application.guest;

import io.convene.application.meeting.InternalAttendanceListener;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.Meeting;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Guests leave with their hosts (seed 002: "expires when all server users leave"): when the last
 * internal participant is gone the admitted guests are warned, and removed after the model's grace
 * unless one comes back; a session also ends at the model's maximum. Each removal ends the
 * session (its credential stops working) and tells the guest's socket.
 */
@Service
public class GuestRemovals implements InternalAttendanceListener {

    private final GuestSessions sessions;
    private final GuestAdmissionGateway admission;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    GuestRemovals(GuestSessions sessions, GuestAdmissionGateway admission, EventOutbox outbox, UnitOfWork work,
                  Clock clock) {
        this.sessions = sessions;
        this.admission = admission;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** In the leave's (or end's) transaction: the admitted guests' processes start their grace. */
    @Override
    public void lastInternalLeft(Meeting meeting) {
        if (!sessions.admittedIn(meeting.id()).isEmpty()) {
            admission.allInternalLeft(meeting.id().value());
        }
    }

    /** In the join's transaction: someone of the portal is back; the removals wait again. */
    @Override
    public void internalRejoined(Meeting meeting) {
        if (!sessions.admittedIn(meeting.id()).isEmpty()) {
            admission.internalRejoined(meeting.id().value());
        }
    }

    /** {@code Task_WarnGuest}: the guest hears it will be removed after {@code grace} (the model's literal). */
    public void warn(GuestSessionId id, Duration grace) {
        work.run(() -> sessions.find(id).filter(s -> s.isActive(clock.instant())).ifPresent(session ->
                outbox.append("external.all_server_users_left", session.meetingId().value(), Map.of(
                        "meetingId", session.meetingId().value(), "sessionId", id.toString(),
                        "removeAt", clock.instant().plus(grace).toString(), "graceSeconds", grace.toSeconds()))));
    }

    /** {@code Task_RemoveGuest}: the grace is over and nobody came back. */
    public void remove(GuestSessionId id) {
        end(id, "all_server_users_left");
    }

    /** {@code Task_EndSessionAtMaximum}: the session reached the model's maximum. */
    public void endAtMaximum(GuestSessionId id) {
        end(id, "session_expired");
    }

    private void end(GuestSessionId id, String reason) {
        work.run(() -> {
            Instant now = clock.instant();
            GuestSession session = sessions.find(id).orElse(null);
            if (session == null || !sessions.end(id, now, reason)) {
                return; // gone with its meeting, or ended already
            }
            String meetingId = session.meetingId().value();
            outbox.append("external.removed", meetingId, Map.of("meetingId", meetingId, "sessionId", id.toString(),
                    "reason", reason));
            if (session.joinedAt() != null) {
                outbox.append("external.left", meetingId, Map.of("meetingId", meetingId, "sessionId", id.toString(),
                        "displayName", session.displayName(), "reason", reason));
            }
        });
    }
}
