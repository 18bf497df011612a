package io.convene.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001's operations endpoints {@code /health/jitsi} and {@code /health/coturn}: the same
 * probes as the actuator's {@code jitsi} and {@code coturn} components, answered as
 * {@code {"status": "UP|DOWN|UNKNOWN", "reason": …}} (503 when DOWN), to any signed-in user.
 */
@RestController
class PeerHealthController {

    private final HealthIndicator jitsi;
    private final HealthIndicator coturn;

    PeerHealthController(@Qualifier("jitsiHealthIndicator") HealthIndicator jitsi,
                         @Qualifier("coturnHealthIndicator") HealthIndicator coturn) {
        this.jitsi = jitsi;
        this.coturn = coturn;
    }

    @GetMapping("/health/jitsi")
    ResponseEntity<Map<String, Object>> jitsi() {
        return answer(jitsi.health());
    }

    @GetMapping("/health/coturn")
    ResponseEntity<Map<String, Object>> coturn() {
        return answer(coturn.health());
    }

    private static ResponseEntity<Map<String, Object>> answer(Health health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.getStatus().getCode());
        body.putAll(health.getDetails());
        HttpStatus status = Status.DOWN.equals(health.getStatus()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
        return ResponseEntity.status(status).body(body);
    }
}
