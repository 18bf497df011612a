package io.convene.api.security;

import io.convene.application.guest.Guest;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import java.security.Principal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who calls an endpoint of the guests' door: a guest (credential) or a portal user (Keycloak token). */
public final class Callers {

    /** Header of a guest's preview request ({@code GET /api/meetings/{id}/preview} with the invitation token). */
    public static final String INVITATION_TOKEN_HEADER = "X-Invitation-Token";

    private Callers() {}

    /** The guest, or 403 for anyone else (these endpoints act for a guest only). */
    public static Guest guest(Principal principal) {
        if (principal instanceof GuestAuthentication guest) {
            return guest.getPrincipal();
        }
        throw new ForbiddenException("This takes a guest credential.");
    }

    /** The guest, or null when a portal user calls. */
    public static Guest guestOrNull(Principal principal) {
        return principal instanceof GuestAuthentication guest ? guest.getPrincipal() : null;
    }

    /** The portal user, or null when a guest calls. */
    public static Actor actorOrNull(Principal principal) {
        return principal instanceof JwtAuthenticationToken jwt ? Actors.of(jwt.getToken()) : null;
    }
}
