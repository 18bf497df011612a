package io.convene.application.guest;

import io.convene.application.guest.GuestResults.GuestPreview;
import io.convene.application.guest.GuestResults.LandingView;
import io.convene.application.guest.GuestThrottle.Endpoint;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * What a stranger with a link may see: the landing page and the guest's preview (a count, never
 * names). Throttled per client address first; every invalid token gets the same 404.
 */
@Service
public class GuestLanding {

    /** Seed 002, Additional Open Questions 1 and 7: the prejoin page before anyone joined. */
    public static final String NOT_STARTED = "Meeting hasn't started yet - Please wait";

    private final Invitations invitations;
    private final GuestThrottle throttle;
    private final UnitOfWork work;
    private final Clock clock;

    GuestLanding(Invitations invitations, GuestThrottle throttle, UnitOfWork work, Clock clock) {
        this.invitations = invitations;
        this.throttle = throttle;
        this.work = work;
        this.clock = clock;
    }

    public LandingView landing(String token, String client) {
        throttle.check(Endpoint.LANDING, client);
        return work.read(() -> {
            Instant now = clock.instant();
            Meeting meeting = invitations.open(token, now);
            int inside = inside(meeting);
            boolean inProgress = meeting.status() == MeetingStatus.IN_PROGRESS;
            String message = !inProgress || inside == 0 ? NOT_STARTED
                    : (meeting.isInstantCall() ? "Call in progress - " : "Meeting in progress - ") + inside
                    + (inside == 1 ? " participant" : " participants") + " currently active";
            String host = meeting.participants().stream().filter(p -> p.role() == MeetingRole.OWNER)
                    .map(Participant::displayName).findFirst().orElse(null);
            long countdown = Math.max(0, Duration.between(now, meeting.startTime()).toSeconds());
            return new LandingView(meeting.id().value(), meeting.title(), meeting.startTime(), host,
                    meeting.isInstantCall(), inProgress ? "in_progress" : "not_started", inProgress ? 0 : countdown,
                    inside, message, inProgress && inside > 0, invitations.validUntil(meeting));
        });
    }

    /** The guest's {@code /preview}: only for the meeting the token opens (else the same 404), a count only. */
    public GuestPreview preview(String meetingId, String token, String client) {
        throttle.check(Endpoint.LANDING, client);
        return work.read(() -> {
            Meeting meeting = invitations.open(token, clock.instant());
            if (!MeetingId.isValid(meetingId) || !meeting.id().value().equals(meetingId)) {
                throw new InvalidInvitationException();
            }
            return new GuestPreview(meeting.id().value(), meeting.title(), meeting.status().name().toLowerCase(),
                    meeting.startTime(), inside(meeting));
        });
    }

    static int inside(Meeting meeting) {
        return (int) meeting.participants().stream().filter(Participant::isPresent).count();
    }
}
