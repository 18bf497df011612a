package io.convene.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The realm's {@code roles} claim as Spring authorities: role {@code admin} → {@code ROLE_admin}. */
final class KeycloakRoles {

    private KeycloakRoles() {}

    static List<GrantedAuthority> fromClaims(Map<String, Object> claims) {
        return roles(claims.get("roles"))
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private static Stream<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf);
        }
        return Stream.empty();
    }
}
