package io.convene.api.meeting;

import io.convene.api.error.UnavailableException;
import io.convene.api.meeting.MeetingViews.JitsiView;
import io.convene.api.meeting.MeetingViews.JoinView;
import io.convene.api.security.CurrentUser;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.conference.IceServer;
import io.convene.domain.conference.JitsiJoin;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Start, join, leave, end: what participants do, and what the meeting-lifecycle process is told. */
@Service
public class AttendanceService {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingTransitions transitions;
    private final EventOutbox outbox;
    private final ConferenceAccess conference;
    private final Clock clock;

    AttendanceService(Meetings meetings, MeetingPolicy policy, MeetingTransitions transitions, EventOutbox outbox,
                      ConferenceAccess conference, Clock clock) {
        this.meetings = meetings;
        this.policy = policy;
        this.transitions = transitions;
        this.outbox = outbox;
        this.conference = conference;
        this.clock = clock;
    }

    @Transactional
    Meeting start(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        Instant now = clock.instant();
        if (now.isBefore(meeting.startTime())) {
            policy.require(meeting, user, MeetingPermission.START_EARLY);
        }
        meeting.start(now);
        Meeting saved = meetings.save(meeting);
        transitions.started(saved, user.id());
        return saved;
    }

    @Transactional
    public JoinView join(String meetingId, CurrentUser user, String deviceInfo) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        Participant participant = policy.requireParticipant(meeting, user);
        Instant now = clock.instant();
        boolean mayStartEarly = policy.allows(meeting, user, MeetingPermission.START_EARLY);
        boolean startedNow = meeting.join(user.id(), mayStartEarly, now); // state rules first (409)
        JoinView access = access(meeting, participant); // then credentials: if they fail, nothing is saved
        meeting.joinedWith(user.id(), deviceInfo);
        Meeting saved = meetings.save(meeting);
        if (startedNow) {
            transitions.started(saved, user.id());
        }
        outbox.append("participant.joined", saved.id(), Map.of("meetingId", saved.id(), "userId", user.id(),
                "displayName", participant.displayName()));
        return new JoinView(access.meetingId(), access.provider(), MeetingViews.lower(saved.status()),
                access.roomKey(), access.externalUrl(), access.jitsi(), access.iceServers(), startedNow);
    }

    @Transactional
    public Meeting leave(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        Participant participant = policy.requireParticipant(meeting, user);
        Instant now = clock.instant();
        boolean nobodyLeft = meeting.leave(user.id(), now);
        Meeting saved = meetings.save(meeting);
        outbox.append("participant.left", saved.id(), Map.of("meetingId", saved.id(), "userId", user.id(),
                "displayName", participant.displayName()));
        if (nobodyLeft) {
            transitions.ended(saved, "the last participant left");
        }
        return saved;
    }

    @Transactional
    public Meeting end(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.END);
        meeting.end(clock.instant());
        Meeting saved = meetings.save(meeting);
        transitions.ended(saved, "ended by " + user.id());
        return saved;
    }

    private JoinView access(Meeting meeting, Participant participant) {
        String provider = meeting.provider().name();
        String status = MeetingViews.lower(meeting.status());
        return switch (meeting.provider()) {
            case EXTERNAL -> new JoinView(meeting.id(), provider, status, null, meeting.externalUrl(), null, null, false);
            case JITSI -> {
                boolean moderator = participant.role() != MeetingRole.MEMBER;
                try {
                    JitsiJoin jitsi = conference.jitsi(meeting.roomKey(), participant.userId(), participant.displayName(), moderator);
                    yield new JoinView(meeting.id(), provider, status, meeting.roomKey(), null,
                            new JitsiView(jitsi.domain(), jitsi.room(), jitsi.url(), jitsi.token(), jitsi.expiresAt()),
                            null, false);
                } catch (IllegalStateException e) {
                    throw new UnavailableException("Jitsi is not configured on this server.", e);
                }
            }
            case INTERNAL -> {
                try {
                    List<IceServer> ice = conference.iceServers(participant.userId());
                    yield new JoinView(meeting.id(), provider, status, meeting.roomKey(), null, null, ice, false);
                } catch (IllegalStateException e) {
                    throw new UnavailableException("TURN is not configured on this server.", e);
                }
            }
        };
    }
}
