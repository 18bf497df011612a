package io.convene.application.guest;

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
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Generating a meeting's or call's invitation link: owner, manager or whoever holds
 * can_invite_participants; a meeting must allow guests (calls do unless switched off). A new link
 * replaces the old one. The token is returned once; the participants hear that a link exists
 * ({@code meeting.invite_link_generated}), never the token (only its hash is stored anywhere).
 */
@Service
@EnableConfigurationProperties(GuestProperties.class)
public class InvitationLinks {

    private final MeetingPolicy policy;
    private final GuestLinks links;
    private final Invitations invitations;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    InvitationLinks(MeetingPolicy policy, GuestLinks links, Invitations invitations, EventOutbox outbox, UnitOfWork work,
                    Clock clock) {
        this.policy = policy;
        this.links = links;
        this.invitations = invitations;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** {@code callsOnly}: the {@code /api/calls/{id}} twin, which knows calls only. */
    public LinkView generate(String meetingIdText, Actor actor, boolean callsOnly) {
        MeetingId id = Ids.meetingId(callsOnly ? "callId" : "meetingId", meetingIdText);
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            if (callsOnly && !meeting.isInstantCall()) {
                throw new NotFoundException("call", id);
            }
            policy.require(meeting, actor, MeetingPermission.INVITE);
            if (meeting.status() == MeetingStatus.ENDED || meeting.status() == MeetingStatus.CANCELLED) {
                throw new ConflictException("The " + (meeting.isInstantCall() ? "call" : "meeting") + " is "
                        + meeting.status().name().toLowerCase() + "; guests cannot join it any more.");
            }
            if (!invitations.guestsAllowed(meeting)) {
                throw new ConflictException(meeting.isInstantCall() ? "Guests are switched off for calls on this server."
                        : "This meeting does not allow external participants (allowExternal is off).");
            }
            String token = GuestTokens.newInvitationToken();
            links.replace(id, GuestTokens.hash(token), actor.id(), clock.instant());
            LinkView view = new LinkView(id.value(), token, "/api/meetings/external/join/" + token,
                    invitations.validFrom(meeting), invitations.validUntil(meeting), true);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("meetingId", id.value());
            data.put("generatedBy", actor.id());
            data.put("validFrom", view.validFrom() == null ? null : view.validFrom().toString());
            data.put("validUntil", view.validUntil() == null ? null : view.validUntil().toString());
            data.put("participantIds", meeting.participants().stream().map(Participant::userId).toList());
            outbox.append("meeting.invite_link_generated", id.value(), data);
            return view;
        });
    }
}
