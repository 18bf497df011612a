package io.convene.app.camunda;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Tells Camunda who Spring Security authenticated — a Cockpit login through
 * Keycloak, or an engine-REST bearer token — so the webapps and the engine's
 * audit trail name the real user. Realm role {@code admin} becomes Camunda's
 * {@code camunda-admin} group. Camunda's webapps look users up in the engine's
 * identity store, so a first login creates the user there (no password: Keycloak
 * is where people log in).
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
        ensureUser(engine.getIdentityService(), userId, groups.contains(CAMUNDA_ADMIN_GROUP));
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

    private static void ensureUser(IdentityService identity, String userId, boolean admin) {
        if (identity.isReadOnly()) {
            return;
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
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
}
