package io.convene.api.guest;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.security.Callers;
import io.convene.application.guest.GuestAdmissions;
import io.convene.application.guest.GuestLanding;
import io.convene.application.guest.GuestRegistration;
import io.convene.application.guest.GuestRegistration.RegisterInput;
import io.convene.application.guest.GuestResults.AskView;
import io.convene.application.guest.GuestResults.Credential;
import io.convene.application.guest.GuestResults.GuestPreview;
import io.convene.application.guest.GuestResults.KeyBundle;
import io.convene.application.guest.GuestResults.LandingView;
import io.convene.application.guest.GuestResults.Registered;
import io.convene.application.guest.GuestResults.SessionView;
import io.convene.application.guest.GuestSessionCare;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guests' door (seed 002 §1.2 "External Participants"): strangers with a link, then guests
 * with their credential. Each method maps the request and calls one use case.
 */
@RestController
@Tag(name = "guests")
class ExternalGuestController {

    /**
     * What a guest sends to register; checked by the use case, 400 naming the field. Seed 002's
     * scenario 4 names the token {@code invitationToken}: both spellings are taken. Its client
     * sends {@code signedPreKey.toJson()} and {@code preKeys} as objects; strings are taken too.
     */
    record RegisterRequest(@JsonAlias("invitationToken") String token, String displayName, String email,
                           String identityKeyPublic, JsonNode signedPreKey, JsonNode preKeys) {}

    private final GuestLanding landing;
    private final GuestRegistration registration;
    private final GuestSessionCare sessions;
    private final GuestAdmissions admissions;
    private final ClientAddresses addresses;

    ExternalGuestController(GuestLanding landing, GuestRegistration registration, GuestSessionCare sessions,
                            GuestAdmissions admissions, ClientAddresses addresses) {
        this.landing = landing;
        this.registration = registration;
        this.sessions = sessions;
        this.admissions = admissions;
        this.addresses = addresses;
    }

    @GetMapping("/api/meetings/external/join/{token}")
    @Operation(summary = "Landing page of an invitation link (no sign-in; throttled per client address); "
            + "before the link's window: joinable false, for the countdown")
    LandingView landing(@PathVariable String token, HttpServletRequest request) {
        return landing.landing(token, addresses.key(request));
    }

    @GetMapping(value = "/api/meetings/{meetingId}/preview", headers = Callers.INVITATION_TOKEN_HEADER)
    @Operation(summary = "A guest's preview with the invitation token: the number of people inside, never names")
    GuestPreview preview(@PathVariable String meetingId,
                         @RequestHeader(Callers.INVITATION_TOKEN_HEADER) String token,
                         HttpServletRequest request) {
        return landing.preview(meetingId, token, addresses.key(request));
    }

    @PostMapping("/api/meetings/external/register")
    @Operation(summary = "Register as a guest: display name, optional email, public key material → session + "
            + "credential (409 before the link's window)")
    ResponseEntity<Registered> register(@RequestBody RegisterRequest body, HttpServletRequest request) {
        Registered registered = registration.register(new RegisterInput(body.token(), body.displayName(), body.email(),
                body.identityKeyPublic(), body.signedPreKey(), body.preKeys()), addresses.key(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }

    @GetMapping("/api/meetings/external/keys/{sessionId}")
    @Operation(summary = "A guest's pre-key bundle: for the meeting's participants and the guest itself")
    KeyBundle keys(@PathVariable String sessionId, Principal principal) {
        Actor actor = Callers.actorOrNull(principal);
        return actor != null ? sessions.keys(sessionId, actor) : sessions.keys(sessionId, Callers.guest(principal));
    }

    @GetMapping("/api/meetings/external/session/{sessionId}")
    @Operation(summary = "The guest's own session: admission state, expiry")
    SessionView session(@PathVariable String sessionId, Principal principal) {
        return sessions.status(sessionId, Callers.guest(principal));
    }

    @PostMapping("/api/meetings/external/session/{sessionId}/credential")
    @Operation(summary = "A fresh guest credential while the session lives (reconnecting reuses the session)")
    Credential renew(@PathVariable String sessionId, Principal principal) {
        return sessions.renew(sessionId, Callers.guest(principal));
    }

    @DeleteMapping("/api/meetings/external/session/{sessionId}")
    @Operation(summary = "End the guest session")
    ResponseEntity<Void> end(@PathVariable String sessionId, Principal principal) {
        sessions.end(sessionId, Callers.guest(principal));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/external/session/{sessionId}/ask")
    @Operation(summary = "Ask for access: everyone in the meeting is asked; anti-spam limits apply")
    ResponseEntity<AskView> ask(@PathVariable String sessionId, Principal principal) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(admissions.ask(sessionId, Callers.guest(principal)));
    }

    @PostMapping("/api/meetings/external/session/{sessionId}/join")
    @Operation(summary = "Once admitted: the room, and a Jitsi JWT for that room only (never moderator)")
    JoinView join(@PathVariable String sessionId, Principal principal) {
        return admissions.join(sessionId, Callers.guest(principal));
    }
}
