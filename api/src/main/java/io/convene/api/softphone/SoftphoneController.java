package io.convene.api.softphone;

import io.convene.application.calllog.CallLogView;
import io.convene.application.calllog.SoftphoneCalls;
import io.convene.application.calllog.SoftphoneCalls.AnswerInput;
import io.convene.application.calllog.SoftphoneCalls.EndInput;
import io.convene.application.calllog.SoftphoneCalls.Reported;
import io.convene.application.calllog.SoftphoneCalls.StartInput;
import io.convene.application.shared.Actor;
import io.convene.application.sip.SoftphoneSetup;
import io.convene.application.sip.SoftphoneSetup.SoftphoneConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The softphone's backend: its configuration (with the user's own SIP password) and its call reports. */
@RestController
@RequestMapping("/api/softphone")
@Tag(name = "softphone")
class SoftphoneController {

    private final SoftphoneSetup setup;
    private final SoftphoneCalls calls;

    SoftphoneController(SoftphoneSetup setup, SoftphoneCalls calls) {
        this.setup = setup;
        this.calls = calls;
    }

    @GetMapping("/config")
    @Operation(summary = "What my softphone registers with, or why it cannot (reason, howToFix)")
    ResponseEntity<SoftphoneConfig> config(Actor actor) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(setup.config(actor));
    }

    @PostMapping("/calls")
    @Operation(summary = "A call starts (in: it rings; out: dialled); idempotent by sipCallId")
    ResponseEntity<CallLogView> start(@RequestBody StartInput input, Actor actor) {
        Reported reported = calls.start(input, actor);
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/softphone/calls/" + reported.call().id())).body(reported.call());
    }

    @PostMapping("/calls/{id}/answered")
    @Operation(summary = "The call was answered")
    CallLogView answered(@PathVariable UUID id, @RequestBody(required = false) AnswerInput input, Actor actor) {
        return calls.answered(id, input, actor);
    }

    @PostMapping("/calls/{id}/ended")
    @Operation(summary = "The call is over: answered | missed | declined | failed")
    CallLogView ended(@PathVariable UUID id, @RequestBody EndInput input, Actor actor) {
        return calls.ended(id, input, actor);
    }
}
