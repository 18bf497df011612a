package io.convene.application.guest;

import io.convene.domain.guest.GuestEvent;
import io.convene.application.guest.GuestResults.AnswerView;
import io.convene.application.guest.GuestResults.AskView;
import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.meeting.MeetingResults.JitsiView;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.Ids;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.TooManyRequestsException;
import io.convene.application.shared.UnavailableException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.conference.JitsiJoin;
import io.convene.domain.conference.MediaPolicy;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.guest.Admission;
import io.convene.domain.guest.AdmissionRequest;
import io.convene.domain.guest.AdmissionRequest.State;
import io.convene.domain.guest.AdmissionRequests;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * "Ask for access" and its answer (seed 002, Waiting Room / PreJoin; Final Open Question 10): the
 * anti-spam limits, the first answer winning (the request's row is locked; the others get 409),
 * the guest's way into the room once admitted. Each public method is one transaction; the
 * guest-admission process is told in it.
 */
@Service
public class GuestAdmissions {

    public static final String NOTIFICATION_TYPE = "meeting.guest_waiting"; // transient: goes with its meeting

    private final GuestSessions sessions;
    private final AdmissionRequests requests;
    private final Meetings meetings;
    private final MeetingPolicy meetingPolicy;
    private final GuestPolicy policy;
    private final GuestAdmissionGateway admission;
    private final GuestProperties limits;
    private final Notifications notifications;
    private final ConferenceAccess conference;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    GuestAdmissions(GuestSessions sessions, AdmissionRequests requests, Meetings meetings, MeetingPolicy meetingPolicy,
                    GuestPolicy policy, GuestAdmissionGateway admission, GuestProperties limits,
                    Notifications notifications, ConferenceAccess conference, EventOutbox outbox, UnitOfWork work,
                    Clock clock) {
        this.sessions = sessions;
        this.requests = requests;
        this.meetings = meetings;
        this.meetingPolicy = meetingPolicy;
        this.policy = policy;
        this.admission = admission;
        this.limits = limits;
        this.notifications = notifications;
        this.conference = conference;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /**
     * The guest asks to be let in. Refused while nobody of the portal is inside (409, the seed's
     * words), after {@code maxDeclines} declines (403), while a request waits (409), within the
     * cool-down or beyond {@code requestsPerWindow} per window (429 with Retry-After).
     */
    public AskView ask(String sessionId, Guest guest) {
        return work.write(() -> {
            GuestSessionId id = policy.own(sessionId, guest);
            Instant now = clock.instant();
            GuestSession session = sessions.findLocked(id).filter(s -> s.isActive(now))
                    .orElseThrow(() -> new NotFoundException("guest session", sessionId)); // one ask at a time
            if (session.isAdmitted()) {
                throw new ConflictException("You have been let in already.");
            }
            Meeting meeting = meetings.findById(session.meetingId()).orElseThrow(() -> new NotFoundException("guest session", sessionId));
            if (meeting.status() != MeetingStatus.IN_PROGRESS || GuestLanding.inside(meeting) == 0) {
                throw new ConflictException(GuestLanding.NOT_STARTED);
            }
            if (session.declines() >= limits.maxDeclines()) {
                throw new ForbiddenException("Your requests were declined " + session.declines()
                        + " times; you cannot ask again in this session.");
            }
            if (requests.newestLocked(id).filter(AdmissionRequest::isPending).isPresent()) {
                throw new ConflictException("Your request is waiting for an answer.");
            }
            Instant last = requests.nthNewest(id, 1).orElse(null);
            if (last != null && last.plus(limits.requestCooldown()).isAfter(now)) {
                throw new TooManyRequestsException("Wait " + limits.requestCooldown().toSeconds()
                        + " s between two requests.", Duration.between(now, last.plus(limits.requestCooldown())));
            }
            if (requests.countSince(id, now.minus(limits.requestWindow())) >= limits.requestsPerWindow()) {
                Instant oldestInWindow = requests.nthNewest(id, limits.requestsPerWindow()).orElse(now);
                throw new TooManyRequestsException("At most " + limits.requestsPerWindow() + " requests per "
                        + limits.requestWindow().toMinutes() + " min.",
                        Duration.between(now, oldestInWindow.plus(limits.requestWindow())));
            }
            AdmissionRequest request = requests.add(id, session.meetingId(), now);
            sessions.admission(id, Admission.PENDING, null, false);
            admission.requested(id.toString(), request.id().toString()); // Task_NotifyParticipants runs here
            return new AskView(id.toString(), request.id().toString(), "pending", now);
        });
    }

    /** Someone in the meeting lets the guest in ({@code admit}) or turns them away; the first answer wins, later ones get 409. */
    public AnswerView answer(String meetingIdText, String sessionId, Actor actor, boolean admit) {
        MeetingId meetingId = Ids.meetingId("meetingId", meetingIdText);
        return work.write(() -> {
            Meeting meeting = meetingPolicy.visible(meetingId, actor);
            GuestSession session = GuestSessionId.parse(sessionId).flatMap(sessions::find)
                    .filter(s -> s.meetingId().equals(meetingId))
                    .orElseThrow(() -> new NotFoundException("guest session", sessionId));
            policy.requireInside(meeting, actor);
            AdmissionRequest request = requests.newestLocked(session.id()) // waits for a concurrent answer to commit
                    .orElseThrow(() -> new ConflictException("This guest has not asked to be let in."));
            if (!request.isPending()) {
                throw new ConflictException("This request was " + request.state().name().toLowerCase()
                        + (request.answeredBy() != null ? " by someone else" : "") + " already.");
            }
            Instant now = clock.instant();
            if (!session.isActive(now)) {
                throw new ConflictException("This guest's session has ended.");
            }
            requests.answer(request.id(), admit ? State.ADMITTED : State.DECLINED, actor.id(), now);
            sessions.admission(session.id(), admit ? Admission.ADMITTED : Admission.DECLINED, admit ? actor.id() : null, !admit);
            notifications.withdraw(meetingId.value(), List.of(NOTIFICATION_TYPE));
            outbox.append(admit
                    ? new GuestEvent.Admitted(meetingId, sessionId, session.displayName(), actor.id(), request.id().toString())
                    : new GuestEvent.Declined(meetingId, sessionId, session.displayName(), actor.id(), request.id().toString()));
            if (admit) {
                admission.admitted(sessionId);
            } else {
                admission.declined(sessionId);
            }
            return new AnswerView(sessionId, request.id().toString(), admit ? "admitted" : "declined", actor.id());
        });
    }

    /** {@code Task_NotifyParticipants}: everyone in the meeting now sees the guest waiting (socket + notification). */
    public void notifyWaiting(UUID requestId) {
        work.run(() -> requests.find(requestId).filter(AdmissionRequest::isPending).ifPresent(request -> {
            GuestSession session = sessions.find(request.sessionId()).orElseThrow();
            List<String> inside = meetings.findById(request.meetingId()).map(m -> m.participants().stream()
                    .filter(Participant::isPresent).map(Participant::userId).toList()).orElse(List.of());
            Instant now = clock.instant();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sessionId", session.id().toString());
            data.put("requestId", requestId.toString());
            data.put("displayName", session.displayName());
            for (String userId : inside) {
                notifications.addOrRenew(userId, NOTIFICATION_TYPE, request.meetingId().value(),
                        session.displayName() + " is waiting to join", data, now, null);
            }
            outbox.append(new GuestEvent.Waiting(request.meetingId(), session.id().toString(), requestId.toString(),
                    session.displayName(), inside));
        }));
    }

    /** {@code Task_ExpireRequest}: nobody answered in time; the guest may ask again (within the limits). */
    public void expire(UUID requestId) {
        work.run(() -> requests.findLocked(requestId).filter(AdmissionRequest::isPending).ifPresent(request -> {
            requests.answer(requestId, State.EXPIRED, null, clock.instant());
            sessions.admission(request.sessionId(), Admission.NONE, null, false);
            notifications.withdraw(request.meetingId().value(), List.of(NOTIFICATION_TYPE));
            outbox.append(new GuestEvent.RequestExpired(request.meetingId(), request.sessionId().toString(),
                    requestId.toString()));
        }));
    }

    /**
     * The admitted guest enters the room: a Jitsi URL and JWT for this room only, never
     * moderator, as short-lived as the members' (or the external URL, or ICE servers).
     */
    public JoinView join(String sessionId, Guest guest) {
        return work.write(() -> {
            GuestSessionId id = policy.own(sessionId, guest);
            Instant now = clock.instant();
            GuestSession session = sessions.findLocked(id).filter(s -> s.isActive(now))
                    .orElseThrow(() -> new NotFoundException("guest session", sessionId));
            if (!session.isAdmitted()) {
                throw new ForbiddenException("You have not been let in (yet).");
            }
            Meeting meeting = meetings.findById(session.meetingId())
                    .filter(m -> m.status() == MeetingStatus.IN_PROGRESS)
                    .orElseThrow(() -> new ConflictException("The meeting is not in progress."));
            JoinView view = access(meeting, session);
            sessions.joined(id, now);
            outbox.append(new GuestEvent.Joined(meeting.id(), sessionId, session.displayName()));
            return view;
        });
    }

    private JoinView access(Meeting meeting, GuestSession session) {
        String provider = meeting.provider().name();
        String guestId = "guest:" + session.id();
        // seed 002 §4.2: a guest's camera, microphone and screen as the meeting allows; never recording
        MediaPolicy media = new MediaPolicy(meeting.voiceOnly(), meeting.muteOnJoin(), meeting.voiceOnly(),
                !meeting.voiceOnly(), !meeting.voiceOnly(), true, false);
        try {
            return switch (meeting.provider()) {
                case EXTERNAL -> new JoinView(meeting.id(), provider, "in_progress", null, meeting.externalUrl(), null,
                        null, false, media);
                case JITSI -> {
                    JitsiJoin jitsi = conference.jitsi(meeting.roomKey(), guestId, session.displayName(), false, media);
                    yield new JoinView(meeting.id(), provider, "in_progress", meeting.roomKey(), null,
                            new JitsiView(jitsi.domain(), jitsi.room(), jitsi.url(), jitsi.token(), jitsi.expiresAt()),
                            null, false, media);
                }
                case INTERNAL -> new JoinView(meeting.id(), provider, "in_progress", meeting.roomKey(), null, null,
                        conference.iceServers(guestId), false, media);
            };
        } catch (IllegalStateException e) {
            throw new UnavailableException(provider + " is not configured on this server.", e);
        }
    }
}
