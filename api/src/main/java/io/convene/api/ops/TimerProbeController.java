package io.convene.api.ops;

import io.convene.application.probe.TimerProbing;
import io.convene.application.shared.Actor;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.probe.TimerProbe;
import io.convene.domain.probe.TimerProbeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
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

    private final TimerProbing probes;

    TimerProbeController(TimerProbing probes) {
        this.probes = probes;
    }

    @PostMapping
    @Operation(summary = "Start a timer probe; poll it until status is 'fired'")
    ResponseEntity<TimerProbeView> request(Actor actor) {
        TimerProbe probe = probes.request(actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/ops/timer-probes/" + probe.getId()))
                .body(TimerProbeView.of(probe));
    }

    @GetMapping("/{probeId}")
    @Operation(summary = "A timer probe: when it was requested, when its timer fired, how late")
    TimerProbeView get(@PathVariable String probeId) {
        if (!TimerProbeId.isValid(probeId)) {
            throw new InvalidInputException("probeId", "must look like prb_<uuid>");
        }
        return probes.find(new TimerProbeId(probeId)).map(TimerProbeView::of)
                .orElseThrow(() -> new NotFoundException("timer probe", probeId));
    }
}
