package io.convene.api.security;

import io.convene.application.shared.Actor;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as the token tells: {@code sub} is the user id everywhere in Convene. */
public final class Actors {

    private Actors() {}

    public static Actor of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Actor(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"), roles == null ? Set.of() : Set.copyOf(roles));
    }
}
