package io.convene.application.guest;

import io.convene.application.meeting.ExternalJoinTokens;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.Meeting;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Seed 002's {@code Meeting.externalJoinToken} for the meetings' answers: the current invitation
 * link of each meeting whose links the viewer may make (one read per such meeting; none for the
 * others, who are most rows of a list).
 */
@Component
class MeetingJoinTokens implements ExternalJoinTokens {

    private final InvitationLinks links;

    MeetingJoinTokens(InvitationLinks links) {
        this.links = links;
    }

    @Override
    public Map<String, String> current(Collection<Meeting> meetings, Actor viewer) {
        Map<String, String> tokens = new HashMap<>();
        for (Meeting meeting : meetings) { // who may not make links costs no read
            links.currentToken(meeting, viewer).ifPresent(token -> tokens.put(meeting.id().value(), token));
        }
        return tokens;
    }
}
