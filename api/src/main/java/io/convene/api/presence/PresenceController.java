package io.convene.api.presence;

import io.convene.application.presence.Presence;
import io.convene.application.presence.Presence.UserPresence;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeats from the portal (every 60 s) and who is online / in a call. A heartbeat is kept in
 * memory and written with the next batch (within a second), so this endpoint does no database write.
 */
@RestController
@RequestMapping("/api/presence")
@Validated
@Tag(name = "presence")
class PresenceController {

    private final Presence presence;

    PresenceController(Presence presence) {
        this.presence = presence;
    }

    @PostMapping("/heartbeat")
    @Operation(summary = "I am here (the portal calls this every 60 s)")
    ResponseEntity<Void> heartbeat(Actor actor) {
        presence.heartbeat(actor.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    @Operation(summary = "Online or offline, last seen and in a call, for up to 500 users: ?ids=a,b,c")
    List<UserPresence> users(@RequestParam @NotEmpty @Size(max = Presence.MAX_USERS) List<String> ids) {
        return presence.of(ids);
    }

    @GetMapping("/conversation/{userId}")
    @Operation(summary = "The peer of a 1:1 conversation: online or offline, last seen, in a call")
    UserPresence conversation(@PathVariable String userId) {
        return presence.ofUser(userId);
    }

    @GetMapping("/channel/{channelId}")
    @Operation(summary = "A portal channel's members (the caller must be one); 404 when no portal is configured")
    List<UserPresence> channel(@PathVariable String channelId, Actor actor) {
        return presence.ofChannel(channelId, actor);
    }
}
