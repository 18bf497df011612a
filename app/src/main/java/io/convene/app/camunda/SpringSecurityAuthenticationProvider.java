package io.convene.app.camunda;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Tells Camunda who Spring Security authenticated — a Cockpit login through
 * Keycloak, or an engine-REST bearer token — so the webapps and the engine's
 * audit trail name the real user. Realm role {@code admin} becomes Camunda's
 * {@code camunda-admin} group. Camunda's webapps look users up in the engine's
 * identity store (Cockpit's header shows first and last name), so each login
 * creates or updates the user there with the token's {@code given_name},
 * {@code family_name} and {@code email} (no password: Keycloak is where people log in).
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = userId(authentication);
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.equals("ROLE_admin") ? CAMUNDA_ADMIN_GROUP : authority.substring(5))
                .distinct()
                .toList();
        ensureUser(engine.getIdentityService(), userId, Profile.of(authentication, userId),
                groups.contains(CAMUNDA_ADMIN_GROUP));
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(groups);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security already answered unauthenticated requests
    }

    private static String userId(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Object username = jwt.getTokenAttributes().get("preferred_username");
            return username != null ? username.toString() : jwt.getName();
        }
        return authentication.getName(); // OIDC login: preferred_username
    }

    private static void ensureUser(IdentityService identity, String userId, Profile profile, boolean admin) {
        if (identity.isReadOnly()) {
            return;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
        }
        if (!profile.matches(user)) {
            user.setFirstName(profile.firstName());
            user.setLastName(profile.lastName());
            user.setEmail(profile.email());
            identity.saveUser(user);
        }
        // the webapps send everyone to a first-admin setup page until some user is in camunda-admin
        if (admin && identity.createUserQuery().userId(userId).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
            if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
                Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
                group.setName("Camunda administrators (realm role admin)");
                group.setType("SYSTEM");
                identity.saveGroup(group);
            }
            identity.createMembership(userId, CAMUNDA_ADMIN_GROUP);
        }
    }

    /** Names as the token tells; a token without names shows the user name, never "null". */
    record Profile(String firstName, String lastName, String email) {

        static Profile of(Authentication authentication, String userId) {
            Map<String, Object> claims = authentication instanceof JwtAuthenticationToken jwt ? jwt.getTokenAttributes()
                    : authentication.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : Map.of();
            String given = text(claims.get("given_name"));
            String family = text(claims.get("family_name"));
            if (given == null && family == null) {
                String name = text(claims.get("name"));
                return new Profile(name != null ? name : userId, "", text(claims.get("email")));
            }
            return new Profile(given != null ? given : "", family != null ? family : "", text(claims.get("email")));
        }

        boolean matches(User user) {
            return firstName.equals(user.getFirstName()) && lastName.equals(user.getLastName())
                    && Objects.equals(email, user.getEmail());
        }

        private static String text(Object claim) {
            return claim == null || claim.toString().isBlank() ? null : claim.toString().strip();
        }
    }
}
