package io.convene.application.guest;

import io.convene.domain.guest.GuestEvent;
import io.convene.application.guest.GuestResults.LinkView;
import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.Ids;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.guest.GuestLinks;
import io.convene.domain.guest.GuestTokens;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.webhook.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A meeting's or call's invitation link: generating it (owner, manager or whoever holds
 * can_invite_participants; a meeting must allow guests, calls do unless switched off) and showing
 * the current one again to the same people (seed 002, scenario 8 step 7). A new link replaces the
 * old one. The token is in these answers only; the participants hear that a link exists
 * ({@code meeting.invite_link_generated}), never the token. At rest it is a hash (to find the link
 * by its token) and sealed with the secrets keyset, the meeting id bound in as associated data
 * (to show it again; a sealed token copied to another meeting's row does not open).
 */
@Service
@EnableConfigurationProperties(GuestProperties.class)
public class InvitationLinks {

    private static final Logger log = LoggerFactory.getLogger(InvitationLinks.class);

    private final MeetingPolicy policy;
    private final Meetings meetings;
    private final GuestLinks links;
    private final Invitations invitations;
    private final SecretBox box;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    InvitationLinks(MeetingPolicy policy, Meetings meetings, GuestLinks links, Invitations invitations, SecretBox box,
                    EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.policy = policy;
        this.meetings = meetings;
        this.links = links;
        this.invitations = invitations;
        this.box = box;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** {@code callsOnly}: the {@code /api/calls/{id}} twin, which knows calls only. */
    public LinkView generate(String meetingIdText, Actor actor, boolean callsOnly) {
        MeetingId id = Ids.meetingId(callsOnly ? "callId" : "meetingId", meetingIdText);
        return work.write(() -> {
            Meeting meeting = mayMakeLinks(id, actor, callsOnly);
            if (meeting.status() == MeetingStatus.ENDED || meeting.status() == MeetingStatus.CANCELLED) {
                throw new ConflictException("The " + (meeting.isInstantCall() ? "call" : "meeting") + " is "
                        + meeting.status().name().toLowerCase() + "; guests cannot join it any more.");
            }
            if (!invitations.guestsAllowed(meeting)) {
                throw new ConflictException(meeting.isInstantCall() ? "Guests are switched off for calls on this server."
                        : "This meeting does not allow external participants (allowExternal is off).");
            }
            String token = GuestTokens.newInvitationToken();
            Instant now = clock.instant();
            links.replace(id, GuestTokens.hash(token), box.seal(token, context(id)), actor.id(), now);
            LinkView view = view(meeting, token, now, actor.id());
            outbox.append(new GuestEvent.InviteLinkGenerated(id, actor.id(), view.validFrom(), view.validUntil(),
                    meeting.participants().stream().map(Participant::userId).toList()));
            return view;
        });
    }

    /**
     * The current link for the invite dialog, to those who may make links (a member without the
     * right 403, an outsider 404). Empty when there is none to show: never made, made before links
     * were kept sealed, or the meeting is over, cancelled or closed to guests (the link lets nobody in).
     */
    public Optional<LinkView> current(String meetingIdText, Actor actor, boolean callsOnly) {
        MeetingId id = Ids.meetingId(callsOnly ? "callId" : "meetingId", meetingIdText);
        return work.read(() -> {
            Meeting meeting = mayMakeLinks(id, actor, callsOnly);
            if (!invitations.usable(meeting)) {
                return Optional.empty();
            }
            return links.current(id).flatMap(link -> open(link)
                    .map(token -> view(meeting, token, link.createdAt(), link.createdBy())));
        });
    }

    /**
     * The current token for the Meeting answer's {@code externalJoinToken} (seed 002 §2.3), for
     * whoever may make links of this meeting; empty for everyone else, and when there is no usable
     * link. One primary-key read, in the caller's transaction if there is one.
     */
    public Optional<String> currentToken(Meeting meeting, Actor actor) {
        if (!policy.maySee(meeting, actor) || !policy.allows(meeting, actor, MeetingPermission.INVITE)
                || !invitations.usable(meeting)) {
            return Optional.empty();
        }
        return work.read(() -> links.current(meeting.id()).flatMap(this::open));
    }

    /** {@link #currentToken(Meeting, Actor)} when only the id is at hand (loads the meeting first). */
    public Optional<String> currentToken(MeetingId meetingId, Actor actor) {
        return work.read(() -> meetings.findById(meetingId).flatMap(meeting -> currentToken(meeting, actor)));
    }

    /** The token of a link, if it was kept and opens (a keyset without its key: nothing to show, a new link helps). */
    private Optional<String> open(GuestLinks.Current link) {
        if (link.sealedToken() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(box.open(link.sealedToken(), context(link.meetingId())));
        } catch (IllegalStateException unreadable) {
            log.warn("The invitation link of {} does not open with the secrets keyset; it is shown as none",
                    link.meetingId().value());
            return Optional.empty();
        }
    }

    private Meeting mayMakeLinks(MeetingId id, Actor actor, boolean callsOnly) {
        Meeting meeting = policy.visible(id, actor);
        if (callsOnly && !meeting.isInstantCall()) {
            throw new NotFoundException("call", id);
        }
        policy.require(meeting, actor, MeetingPermission.INVITE);
        return meeting;
    }

    private LinkView view(Meeting meeting, String token, Instant createdAt, String createdBy) {
        return new LinkView(meeting.id().value(), token, "/api/meetings/external/join/" + token,
                invitations.validFrom(meeting), invitations.validUntil(meeting), true, createdAt, createdBy);
    }

    /** The associated data of a sealed token: its meeting (and what it is, apart from webhook secrets). */
    private static String context(MeetingId id) {
        return "guest_link:" + id.value();
    }
}
