package io.convene.application.meeting;

import io.convene.domain.meeting.ParticipantEvent;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.presence.Presence;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Meeting.Departure;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Start, join, leave, end — what participants do in a meeting or a call — and what its
 * process is told. Each method is one transaction.
 */
@Service
public class Attendance {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingTransitions transitions;
    private final JoinCredentials credentials;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;
    private final Presence presence;
    private final MeetingReminders reminders;

    Attendance(Meetings meetings, MeetingPolicy policy, MeetingTransitions transitions, JoinCredentials credentials,
               EventOutbox outbox, UnitOfWork work, Clock clock, Presence presence, MeetingReminders reminders) {
        this.reminders = reminders;
        this.presence = presence;
        this.meetings = meetings;
        this.policy = policy;
        this.transitions = transitions;
        this.credentials = credentials;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** The host starts a scheduled meeting; before its start time only with can_start_meeting. */
    public Meeting start(MeetingId id, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            Instant now = clock.instant();
            if (now.isBefore(meeting.startTime())) {
                policy.require(meeting, actor, MeetingPermission.START_EARLY);
            }
            meeting.start(now);
            Meeting saved = meetings.save(meeting);
            transitions.started(saved, actor.id());
            return saved;
        });
    }

    /** Joins (starting the meeting when due); returns how to get into its room. */
    public JoinView join(MeetingId id, Actor actor, String deviceInfo) {
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            Participant participant = policy.requireParticipant(meeting, actor);
            boolean mayStartEarly = policy.allows(meeting, actor, MeetingPermission.START_EARLY);
            boolean wasEmpty = meeting.isEmpty();
            // first: nobody was in it before this join — also when someone rejoins a meeting everyone had left
            // (it is joinable again: guests may ask again); the one in it joining from a second device is not
            boolean first = meeting.participants().stream().noneMatch(Participant::isPresent);
            boolean startedNow = meeting.join(actor.id(), mayStartEarly, clock.instant()); // state rules first (409)
            JoinView access = credentials.forParticipant(meeting, participant, startedNow); // if they fail, nothing is saved
            meeting.joinedWith(actor.id(), deviceInfo);
            // a join while the user has a live socket (the socket's own meeting:register-participant too) is
            // tracked by it: their last socket closing makes them leave; a REST-only client leaves explicitly
            meeting.trackedBySocket(actor.id(), presence.hasLiveSocket(actor.id()));
            Meeting saved = meetings.save(meeting);
            if (startedNow) {
                transitions.started(saved, actor.id());
            } else if (wasEmpty) {
                transitions.rejoined(saved, actor.id());
            }
            outbox.append(new ParticipantEvent.Joined(saved.id(), actor.id(), participant.displayName(), first));
            presence.inCallMayHaveChanged(actor.id()); // inCall: true, announced on the change
            reminders.read(saved.id(), actor.id()); // a reminder of a meeting one is in is read
            return new JoinView(access.meetingId(), access.provider(), MeetingResults.lower(saved.status()),
                    access.roomKey(), access.externalUrl(), access.jitsi(), access.iceServers(), startedNow, access.media());
        });
    }

    public Meeting leave(MeetingId id, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            Participant participant = policy.requireParticipant(meeting, actor);
            return left(meeting, participant, "left");
        });
    }

    /**
     * Disconnect = leave (docs/presence.md): {@code userId} leaves as by {@link #leave}, with reason
     * {@code disconnected}, if they are still in it by a join their sockets track and have had no live
     * socket for the leave grace. The meeting's row is locked first, then the user's presence row (the
     * order of every leave), so a reconnect or a join at the same moment either waits for this or is
     * seen by it. False, and nothing written, otherwise.
     */
    public boolean leaveDisconnected(MeetingId id, String userId) {
        return work.write(() -> {
            Meeting meeting = meetings.findLockedById(id).orElse(null);
            Participant participant = meeting == null ? null : meeting.participant(userId).orElse(null);
            if (participant == null || !participant.isPresent() || !participant.trackedBySocket()
                    || !presence.socketsGoneForLeaveGrace(userId)) {
                return false;
            }
            left(meeting, participant, "disconnected");
            return true;
        });
    }

    private Meeting left(Meeting meeting, Participant participant, String reason) {
        Departure departure = meeting.leave(participant.userId(), clock.instant());
        Meeting saved = meetings.save(meeting);
        outbox.append(new ParticipantEvent.Left(saved.id(), participant.userId(), participant.displayName(), reason));
        transitions.departed(saved, departure, "disconnected".equals(reason) ? "the last participant disconnected"
                : "the last participant left");
        presence.inCallMayHaveChanged(participant.userId());
        return saved;
    }

    /** The host ends it for everyone. */
    public Meeting end(MeetingId id, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            policy.require(meeting, actor, MeetingPermission.END);
            meeting.end(clock.instant());
            Meeting saved = meetings.save(meeting);
            transitions.ended(saved, "ended by " + actor.id(), actor.id());
            return saved;
        });
    }
}
