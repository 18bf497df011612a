package io.convene.application.meeting;

import io.convene.application.presence.Presence;
import io.convene.domain.meeting.MeetingId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Disconnect = leave (seed 002 §1.3, Open Question 1; docs/presence.md): someone in meetings or calls
 * by a join their sockets track leaves them once their last socket — on every device and node — has
 * been closed for the leave grace, through {@link Attendance#leaveDisconnected} (the same steps as
 * {@code POST …/leave}). Presence marks when the check is due; this asks it (presence never calls
 * the meetings). Two ways in: {@link #leaveDue} on a scheduler every few seconds, and the BPMN
 * fallback every 5 minutes ({@link #stragglers}, {@link #leave}) for whatever the first missed.
 */
@Service
public class LeavingByDisconnect {

    /** Users whose due checks one pass takes: the rest wait for the next pass. */
    static final int USERS_PER_PASS = 200;
    /** Participations one user leaves in a pass, and what one fallback run takes. */
    static final int PARTICIPATIONS = 100;

    private static final Logger log = LoggerFactory.getLogger(LeavingByDisconnect.class);

    /** A tracked participation whose user has had no socket for longer than the grace. */
    public record Straggler(MeetingId meetingId, String userId) {}

    private final Presence presence;
    private final Attendance attendance;

    LeavingByDisconnect(Presence presence, Attendance attendance) {
        this.presence = presence;
        this.attendance = attendance;
    }

    /**
     * One pass: the users whose leave check is due (at most {@value #USERS_PER_PASS}) leave what their
     * sockets track, each leave in its own transaction. A leave that fails is logged and left to the
     * fallback. Returns how many participations were left.
     */
    public int leaveDue() {
        int left = 0;
        for (String userId : presence.dueToLeave(USERS_PER_PASS)) {
            for (String meetingId : presence.trackedParticipations(userId, PARTICIPATIONS)) {
                try {
                    left += attendance.leaveDisconnected(new MeetingId(meetingId), userId) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("{} was not taken out of {} after their last socket closed (the fallback sweep tries "
                            + "again): {}", userId, meetingId, e.toString());
                }
            }
        }
        return left;
    }

    /** The fallback's look: tracked participations whose user has had no socket for longer than the grace. */
    public List<Straggler> stragglers() {
        return presence.socketlessParticipations(PARTICIPATIONS).stream()
                .map(p -> new Straggler(new MeetingId(p.meetingId()), p.userId())).toList();
    }

    /** The fallback's step for one of them: leaves if the rule still holds; false if not (nothing written). */
    public boolean leave(MeetingId meetingId, String userId) {
        return attendance.leaveDisconnected(meetingId, userId);
    }
}
