package io.convene.api.guest;

import io.convene.application.guest.GuestAdmissions;
import io.convene.application.guest.GuestResults.AnswerView;
import io.convene.application.guest.GuestResults.LinkView;
import io.convene.application.guest.InvitationLinks;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What portal users do about guests: make the invitation link, let a guest in or turn one away. */
@RestController
@Tag(name = "guests")
class GuestHostController {

    private final InvitationLinks links;
    private final GuestAdmissions admissions;

    GuestHostController(InvitationLinks links, GuestAdmissions admissions) {
        this.links = links;
        this.admissions = admissions;
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
}
