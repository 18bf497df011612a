package io.convene.api.meeting;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.api.meeting.MeetingRequests.AssignRole;
import io.convene.api.meeting.MeetingRequests.Invite;
import io.convene.api.meeting.MeetingRequests.Respond;
import io.convene.api.meeting.MeetingViews.MeetingView;
import io.convene.application.meeting.ParticipantChanges;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's participants: invite (also live), remove, answer an invitation, assign roles. */
@RestController
@RequestMapping("/api/meetings/{meetingId}")
@Tag(name = "meetings")
class MeetingParticipantController {

    private final ParticipantChanges participants;

    MeetingParticipantController(ParticipantChanges participants) {
        this.participants = participants;
    }

    @PostMapping("/participants")
    MeetingView invite(@PathVariable String meetingId, @Valid @RequestBody Invite request, Actor actor) {
        return MeetingView.of(participants.invite(meetingId("meetingId", meetingId), request.participantIds(), false, actor));
    }

    @PostMapping("/invite-live")
    MeetingView inviteLive(@PathVariable String meetingId, @Valid @RequestBody Invite request, Actor actor) {
        return MeetingView.of(participants.invite(meetingId("meetingId", meetingId), request.participantIds(), true, actor));
    }

    @DeleteMapping("/participants/{userId}")
    MeetingView remove(@PathVariable String meetingId, @PathVariable String userId, Actor actor) {
        return MeetingView.of(participants.remove(meetingId("meetingId", meetingId), userId, actor));
    }

    @PatchMapping("/participants/{userId}")
    @Operation(summary = "The invitee accepts or declines: {\"status\": \"accepted\" | \"declined\"}")
    MeetingView respond(@PathVariable String meetingId, @PathVariable String userId,
                        @Valid @RequestBody Respond request, Actor actor) {
        return MeetingView.of(participants.respond(meetingId("meetingId", meetingId), userId, request.accepted(), actor));
    }

    @PostMapping("/roles")
    @Operation(summary = "Assign a role (owner only): {userId, roleId: manager|member}")
    MeetingView assignRole(@PathVariable String meetingId, @Valid @RequestBody AssignRole request, Actor actor) {
        return MeetingView.of(participants.assignRole(meetingId("meetingId", meetingId), request.userId(),
                request.roleId(), actor));
    }
}
