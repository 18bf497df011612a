package io.convene.api.guest;

import io.convene.application.guest.GuestAdmissions;
import io.convene.application.guest.GuestResults.AnswerView;
import io.convene.application.guest.GuestResults.GuestView;
import io.convene.application.guest.GuestResults.LinkView;
import io.convene.application.guest.GuestRoster;
import io.convene.application.guest.InvitationLinks;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What portal users do about guests: make the invitation link and see it again, let a guest in or
 * turn one away, see a meeting's guests and remove one.
 */
@RestController
@Tag(name = "guests")
class GuestHostController {

    private final InvitationLinks links;
    private final GuestAdmissions admissions;
    private final GuestRoster roster;

    GuestHostController(InvitationLinks links, GuestAdmissions admissions, GuestRoster roster) {
        this.links = links;
        this.admissions = admissions;
        this.roster = roster;
    }

    @PostMapping("/api/meetings/{meetingId}/generate-link")
    @Operation(summary = "A new invitation link (the old one stops working); owner, manager or can_invite_participants")
    LinkView generate(@PathVariable String meetingId, Actor actor) {
        return links.generate(meetingId, actor, false);
    }

    @PostMapping("/api/calls/{callId}/generate-link")
    @Operation(summary = "A new invitation link for a call (seed 002's wrapper of the meetings' one)")
    LinkView generateForCall(@PathVariable String callId, Actor actor) {
        return links.generate(callId, actor, true);
    }

    @PostMapping("/api/meetings/{meetingId}/guests/{sessionId}/admit")
    @Operation(summary = "Let the waiting guest in (someone in the meeting now; the first answer wins, later ones get 409)")
    AnswerView admit(@PathVariable String meetingId, @PathVariable String sessionId, Actor actor) {
        return admissions.answer(meetingId, sessionId, actor, true);
    }

    @PostMapping("/api/meetings/{meetingId}/guests/{sessionId}/decline")
    @Operation(summary = "Turn the waiting guest away (the first answer wins, later ones get 409)")
    AnswerView decline(@PathVariable String meetingId, @PathVariable String sessionId, Actor actor) {
        return admissions.answer(meetingId, sessionId, actor, false);
    }

    @GetMapping("/api/meetings/{meetingId}/invitation-link")
    @Operation(summary = "The current invitation link for the invite dialog (204: none to show); "
            + "owner, manager or can_invite_participants")
    ResponseEntity<LinkView> currentLink(@PathVariable String meetingId, Actor actor) {
        return links.current(meetingId, actor, false)
                .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/calls/{callId}/invitation-link")
    @Operation(summary = "The current invitation link of a call (204: none to show)")
    ResponseEntity<LinkView> currentCallLink(@PathVariable String callId, Actor actor) {
        return links.current(callId, actor, true)
                .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/meetings/{meetingId}/guests")
    @Operation(summary = "The meeting's guests (badge \"Guest\"), for its participants; "
            + "the email only for owner and managers")
    List<GuestView> guests(@PathVariable String meetingId, Actor actor) {
        return roster.list(meetingId, actor, false);
    }

    @GetMapping("/api/calls/{callId}/guests")
    @Operation(summary = "The call's guests, for its participants")
    List<GuestView> callGuests(@PathVariable String callId, Actor actor) {
        return roster.list(callId, actor, true);
    }

    @DeleteMapping("/api/meetings/{meetingId}/guests/{sessionId}")
    @Operation(summary = "Remove a guest: its session ends at once, its socket is told and closed; owner or manager")
    ResponseEntity<Void> remove(@PathVariable String meetingId, @PathVariable String sessionId, Actor actor) {
        roster.remove(meetingId, sessionId, actor, false);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/calls/{callId}/guests/{sessionId}")
    @Operation(summary = "Remove a guest of a call; owner or manager")
    ResponseEntity<Void> removeFromCall(@PathVariable String callId, @PathVariable String sessionId, Actor actor) {
        roster.remove(callId, sessionId, actor, true);
        return ResponseEntity.noContent().build();
    }
}
