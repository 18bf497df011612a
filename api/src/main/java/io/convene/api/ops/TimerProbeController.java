package io.convene.api.ops;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.NotFoundException;
import io.convene.api.security.CurrentUser;
import io.convene.domain.probe.TimerProbe;
import io.convene.domain.probe.TimerProbeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations' timer probe (admins only, see SecurityConfiguration): starts the
 * {@code timer-probe} process and shows how late its timer fired.
 */
@RestController
@RequestMapping("/api/ops/timer-probes")
@Tag(name = "operations")
class TimerProbeController {

    private final TimerProbeService probes;

    TimerProbeController(TimerProbeService probes) {
        this.probes = probes;
    }

    @PostMapping
    @Operation(summary = "Start a timer probe; poll it until status is 'fired'")
    ResponseEntity<TimerProbeView> request(@AuthenticationPrincipal Jwt jwt) {
        TimerProbe probe = probes.request(CurrentUser.of(jwt).id());
        return ResponseEntity.accepted()
                .location(URI.create("/api/ops/timer-probes/" + probe.getId()))
                .body(TimerProbeView.of(probe));
    }

    @GetMapping("/{probeId}")
    @Operation(summary = "A timer probe: when it was requested, when its timer fired, how late")
    TimerProbeView get(@PathVariable String probeId) {
        if (!TimerProbeId.isValid(probeId)) {
            throw new BadRequestException("probeId", "must look like prb_<uuid>");
        }
        return probes.find(new TimerProbeId(probeId)).map(TimerProbeView::of)
                .orElseThrow(() -> new NotFoundException("timer probe", probeId));
    }
}
