package io.convene.api.me;

import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.TreeSet;
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
    Me me(Actor actor) {
        return new Me(actor.id(), actor.username(), actor.name(), actor.email(), new TreeSet<>(actor.roles()));
    }
}
