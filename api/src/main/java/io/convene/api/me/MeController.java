package io.convene.api.me;

import io.convene.api.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "me")
class MeController {

    record Me(String id, String username, String name, String email, Set<String> roles) {}

    @GetMapping
    @Operation(summary = "Who the caller is, as the token says: user id (sub), names and realm roles")
    Me me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.of(jwt);
        return new Me(user.id(), user.username(), user.name(), user.email(), new TreeSet<>(user.roles()));
    }
}
