package io.convene.application.guest;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.guest.GuestEvent;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Guests leave with their hosts (seed 002: "expires when all server users leave"): when the last
 * internal participant is gone the admitted guests are warned, and removed after the model's grace
 * unless one comes back; a session also ends at the model's maximum; an owner or manager may
 * remove a guest by hand. Each removal ends the session (its credential stops working) and tells
 * the guest's socket.
 */
@Service
public class GuestRemovals {

    static final String REMOVED_BY_HOST = "removed_by_host";

    private final GuestSessions sessions;
    private final GuestAdmissionGateway admission;
    private final EventOutbox outbox;
    private final Meetings meetings;
    private final UnitOfWork work;
    private final Clock clock;

    GuestRemovals(GuestSessions sessions, GuestAdmissionGateway admission, EventOutbox outbox, Meetings meetings,
                  UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.sessions = sessions;
        this.admission = admission;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /**
     * In the end's transaction: nobody of the portal is in it any more. The admitted guests'
     * processes start their grace; those not let in are done now (nobody can let them in any more).
     */
    @EventListener
    void meetingEnded(MeetingEvent.Ended ended) {
        lastInternalLeft(ended.meetingId(), true);
    }

    @EventListener
    void callEnded(CallEvent.Ended ended) {
        lastInternalLeft(ended.meetingId(), true);
    }

    /** In the leave's transaction: the last one of the portal left a meeting that stays open until its end. */
    @EventListener
    void meetingEmptied(MeetingEvent.Emptied emptied) {
        lastInternalLeft(emptied.meetingId(), false);
    }

    private void lastInternalLeft(MeetingId meetingId, boolean ended) {
        if (ended) {
            sessions.liveIn(meetingId).stream().filter(s -> !s.isAdmitted())
                    .forEach(s -> endNow(s, "meeting_ended", true));
        }
        if (!sessions.admittedIn(meetingId).isEmpty()) {
            admission.allInternalLeft(meetingId.value());
        }
    }

    /** In the cancel's transaction: every guest of it is removed now, without a grace. */
    @EventListener
    void meetingCancelled(MeetingEvent.Cancelled cancelled) {
        sessions.liveIn(cancelled.meetingId()).forEach(s -> endNow(s, "meeting_cancelled", true));
    }

    /** In the delete's transaction: every guest of it is removed now, and their sessions go. */
    @EventListener
    void meetingDeleted(MeetingEvent.Deleted deleted) {
        removeAll(deleted.meetingId());
    }

    @EventListener
    void callDeleted(CallEvent.Deleted deleted) {
        removeAll(deleted.callId());
    }

    private void removeAll(MeetingId meetingId) {
        sessions.liveIn(meetingId).forEach(s -> endNow(s, "meeting_deleted", true));
        sessions.deleteOf(meetingId, false);
    }

    /** In the cleanup's transaction: the sessions that ended go; those in their grace stay until removed. */
    @EventListener
    void cleanedUp(MeetingEvent.CleanedUp cleanedUp) {
        sessions.deleteOf(cleanedUp.meetingId(), true);
    }

    /** Ends a session now and tells its process (whose instance then ends); its row goes if the meeting is gone. */
    private void endNow(GuestSession session, String reason, boolean tellProcess) {
        if (end(session, reason, null) && tellProcess) {
            admission.sessionEnded(session.id().toString());
        }
    }

    /**
     * In the caller's transaction: an owner or manager removes the guest (seed 002 §4.2). The
     * session ends at once (its credential stops working), its socket hears {@code external:removed}
     * ({@code reason: removed_by_host}) and is closed, its process ends. False if it had ended already.
     */
    boolean removeByHost(GuestSession session, String removedBy) {
        if (!end(session, REMOVED_BY_HOST, removedBy)) {
            return false;
        }
        admission.sessionEnded(session.id().toString());
        return true;
    }

    /** In the join's transaction: someone of the portal is back; the removals wait again. */
    @EventListener
    void internalRejoined(MeetingEvent.Rejoined rejoined) {
        if (!sessions.admittedIn(rejoined.meetingId()).isEmpty()) {
            admission.internalRejoined(rejoined.meetingId().value());
        }
    }

    /** {@code Task_WarnGuest}: the guest hears it will be removed after {@code grace} (the model's literal). */
    public void warn(GuestSessionId id, Duration grace) {
        work.run(() -> sessions.find(id).filter(s -> s.isActive(clock.instant())).ifPresent(session ->
                outbox.append(new GuestEvent.AllServerUsersLeft(session.meetingId(), id.toString(),
                        clock.instant().plus(grace), grace.toSeconds()))));
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
        work.run(() -> sessions.find(id).ifPresent(session -> end(session, reason, null)));
    }

    /** False when it had ended already. {@code by}: who removed the guest by hand (else null). */
    private boolean end(GuestSession session, String reason, String by) {
        GuestSessionId id = session.id();
        if (!sessions.end(id, clock.instant(), reason)) {
            return false;
        }
        MeetingId meetingId = session.meetingId();
        outbox.append(new GuestEvent.Removed(meetingId, id.toString(), reason, by));
        if (session.joinedAt() != null) {
            outbox.append(new GuestEvent.Left(meetingId, id.toString(), session.displayName(), reason));
        }
        if (!meetings.existsById(meetingId)) {
            sessions.delete(id); // the call was cleaned up during the grace: nothing is left to keep it for
        }
        return true;
    }
}
