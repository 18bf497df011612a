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
 * names). Throttled per client address first; every invalid token gets the same 404. A current
 * link before its window is answered too ({@code joinable: false}): seed 002 §4.1's page counts
 * down and enables its Join button when the window opens.
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
            Invitations.Valid valid = invitations.lookUp(token, now);
            Meeting meeting = valid.meeting();
            int inside = inside(meeting);
            boolean inProgress = meeting.status() == MeetingStatus.IN_PROGRESS;
            String message = !valid.joinable() ? notOpenYet()
                    : !inProgress || inside == 0 ? NOT_STARTED
                    : (meeting.isInstantCall() ? "Call in progress - " : "Meeting in progress - ") + inside
                    + (inside == 1 ? " participant" : " participants") + " currently active";
            String host = meeting.participants().stream().filter(p -> p.role() == MeetingRole.OWNER)
                    .map(Participant::displayName).findFirst().orElse(null);
            long countdown = Math.max(0, Duration.between(now, meeting.startTime()).toSeconds());
            Instant validFrom = invitations.validFrom(meeting);
            long untilJoinable = valid.joinable() ? 0 : Math.max(1, secondsUntil(now, validFrom));
            return new LandingView(meeting.id().value(), meeting.title(), meeting.startTime(), host,
                    meeting.isInstantCall(), inProgress ? "in_progress" : "not_started", inProgress ? 0 : countdown,
                    inside, message, inProgress && inside > 0, validFrom, invitations.validUntil(meeting),
                    valid.joinable(), untilJoinable);
        });
    }

    /** Seed 002 §4.1's words, with the model's window. */
    private String notOpenYet() {
        var rules = invitations.rules();
        String before = human(rules.linkValidBefore());
        String after = human(rules.linkValidAfter());
        return before.equals(after)
                ? "This invitation is only valid " + before + " before and after the meeting start time."
                : "This invitation is only valid from " + before + " before until " + after
                        + " after the meeting start time.";
    }

    /** Whole seconds until {@code then}, rounded up (a page that counts down never enables early). */
    static long secondsUntil(Instant now, Instant then) {
        Duration left = Duration.between(now, then);
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    /** PT1H → "1 hour", PT90M → "1 hour 30 minutes". */
    static String human(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = minutes == 0 ? "" : minutes + (minutes == 1 ? " minute" : " minutes");
        if (h.isEmpty() && m.isEmpty()) {
            return duration.toSeconds() + " seconds";
        }
        return (h + " " + m).strip();
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
