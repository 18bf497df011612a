package io.convene.application.meeting;

import io.convene.application.shared.Actor;
import io.convene.domain.meeting.Meeting;
import java.util.Collection;
import java.util.Map;

/**
 * Seed 002's {@code Meeting.externalJoinToken}: the current invitation link of each meeting, for
 * a viewer who may hand it out (the others see none). Guests own the links; they answer this, so
 * meetings need not know them (the arrow points guest → meeting).
 */
public interface ExternalJoinTokens {

    /** The current token by meeting id, for those of {@code meetings} whose link {@code viewer} may share. */
    Map<String, String> current(Collection<Meeting> meetings, Actor viewer);

    ExternalJoinTokens NONE = (meetings, viewer) -> Map.of();
}
