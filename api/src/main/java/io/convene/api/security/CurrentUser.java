package io.convene.api.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the token tells: {@code sub} is the user id everywhere in Convene.
 */
public record CurrentUser(String id, String username, String name, String email, Set<String> roles) {

    public static final String ADMIN = "admin";

    public static CurrentUser of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CurrentUser(jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
