package io.convene.api.presence;

import io.convene.application.presence.Presence;
import io.convene.application.presence.Presence.UserPresence;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Bulk answers are maps keyed by user id, as seed 002's {@code PresenceService} reads them.
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

    @GetMapping(value = "/users", params = "userIds")
    @Operation(summary = "Seed 002's getStatusForUsers: ?userIds=a,b,c (up to 500) → a map keyed by user id: "
            + "online or offline, last seen, in a call")
    Map<String, UserPresence> users(@RequestParam @NotEmpty @Size(max = Presence.MAX_USERS) List<String> userIds) {
        return byUser(presence.of("userIds", userIds));
    }

    @GetMapping(value = "/users", params = "!userIds")
    @Operation(summary = "The same as a list in the order asked: ?ids=a,b,c (up to 500)")
    List<UserPresence> usersAsList(@RequestParam @NotEmpty @Size(max = Presence.MAX_USERS) List<String> ids) {
        return presence.of(ids);
    }

    @GetMapping("/conversation/{userId}")
    @Operation(summary = "The peer of a 1:1 conversation: online or offline, last seen, in a call")
    UserPresence conversation(@PathVariable String userId) {
        return presence.ofUser(userId);
    }

    @GetMapping("/channel/{channelId}")
    @Operation(summary = "A portal channel's members (the caller must be one), a map keyed by user id; 404 when no "
            + "portal is configured")
    Map<String, UserPresence> channel(@PathVariable String channelId, Actor actor) {
        return byUser(presence.ofChannel(channelId, actor));
    }

    private static Map<String, UserPresence> byUser(List<UserPresence> presences) {
        Map<String, UserPresence> byUser = new LinkedHashMap<>();
        presences.forEach(p -> byUser.put(p.userId(), p));
        return byUser;
    }
}
