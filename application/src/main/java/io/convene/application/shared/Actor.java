package io.convene.application.shared;

import java.util.Set;

/**
 * Who does a use case: a portal user as their token tells ({@code id} = the token's {@code sub},
 * the user id everywhere in Convene). Not a Spring Security type: the REST API, the real-time
 * gateway and tests build it alike.
 */
public record Actor(String id, String username, String name, String email, Set<String> roles) {

    public static final String ADMIN = "admin";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** The name others see: the full name, else the user name. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : username;
    }
}
