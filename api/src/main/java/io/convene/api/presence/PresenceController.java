package io.convene.api.presence;

import io.convene.api.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Heartbeats from the portal (every 60 s) and who is online. */
@RestController
@RequestMapping("/api/presence")
@Validated
@Tag(name = "presence")
class PresenceController {

    record UserPresence(String userId, String status, Instant lastSeen) {}

    private final PresenceService presence;

    PresenceController(PresenceService presence) {
        this.presence = presence;
    }

    @PostMapping("/heartbeat")
    @Operation(summary = "I am here (the portal calls this every 60 s)")
    ResponseEntity<Void> heartbeat(@AuthenticationPrincipal Jwt jwt) {
        presence.heartbeat(CurrentUser.of(jwt).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    @Operation(summary = "Online or offline, and last seen, for up to 500 users: ?ids=a,b,c")
    List<UserPresence> users(@RequestParam @NotEmpty @Size(max = 500) List<String> ids) {
        Map<String, Instant> seen = presence.lastSeen(ids);
        return ids.stream().distinct().map(id -> new UserPresence(id,
                presence.isOnline(seen.get(id)) ? "online" : "offline", seen.get(id))).toList();
    }
}
