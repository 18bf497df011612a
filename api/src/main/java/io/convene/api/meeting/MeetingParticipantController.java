package io.convene.api.meeting;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.api.call.CallViews.CallMeetingView;
import io.convene.api.meeting.MeetingRequests.AssignRole;
import io.convene.api.meeting.MeetingRequests.Invite;
import io.convene.api.meeting.MeetingRequests.Respond;
import io.convene.application.call.CallInvitations;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.ParticipantChanges;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
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

/**
 * A meeting's participants: invite (also live; {@code {userIds}} as the portal sends it), remove,
 * answer an invitation, mute, assign roles. On a {@code call_} id an invite rings, as
 * {@code POST /api/calls/{id}/invite} does (seed 002's {@code inviteDuringCall} calls these).
 */
@RestController
@RequestMapping("/api/meetings/{meetingId}")
@Tag(name = "meetings")
class MeetingParticipantController {

    private final ParticipantChanges participants;
    private final CallInvitations callInvitations;

    MeetingParticipantController(ParticipantChanges participants, CallInvitations callInvitations) {
        this.participants = participants;
        this.callInvitations = callInvitations;
    }

    @PostMapping("/participants")
    @Operation(summary = "Invite users: {userIds} (or {participantIds}); owner, manager or can_invite_participants")
    Object invite(@PathVariable String meetingId, @Valid @RequestBody Invite request, Actor actor) {
        return invite(meetingId, request, false, actor);
    }

    @PostMapping("/invite-live")
    @Operation(summary = "Invite users into the meeting in progress: {userIds}; they are told at once")
    Object inviteLive(@PathVariable String meetingId, @Valid @RequestBody Invite request, Actor actor) {
        return invite(meetingId, request, true, actor);
    }

    private Object invite(String meetingId, Invite request, boolean live, Actor actor) {
        MeetingId id = meetingId("meetingId", meetingId);
        if (id.isCall()) {
            return CallMeetingView.of(callInvitations.invite(id, request.invitees(), actor));
        }
        return view(participants.invite(id, request.invitees(), live, actor), actor);
    }

    @DeleteMapping("/participants/{userId}")
    MeetingView remove(@PathVariable String meetingId, @PathVariable String userId, Actor actor) {
        return view(participants.remove(meetingId("meetingId", meetingId), userId, actor), actor);
    }

    @PatchMapping("/participants/{userId}")
    @Operation(summary = "The invitee accepts or declines: {\"status\": \"accepted\" | \"declined\"}")
    MeetingView respond(@PathVariable String meetingId, @PathVariable String userId,
                        @Valid @RequestBody Respond request, Actor actor) {
        return view(participants.respond(meetingId("meetingId", meetingId), userId, request.accepted(), actor), actor);
    }

    @PostMapping("/participants/{userId}/mute")
    @Operation(summary = "Mute a participant (owner, manager: can_mute_participants); they are told and join muted")
    MeetingView mute(@PathVariable String meetingId, @PathVariable String userId, Actor actor) {
        return view(participants.mute(meetingId("meetingId", meetingId), userId, true, actor), actor);
    }

    @DeleteMapping("/participants/{userId}/mute")
    @Operation(summary = "Unmute: the participant themselves, or one with can_mute_participants")
    MeetingView unmute(@PathVariable String meetingId, @PathVariable String userId, Actor actor) {
        return view(participants.mute(meetingId("meetingId", meetingId), userId, false, actor), actor);
    }

    @PostMapping("/roles")
    @Operation(summary = "Assign a role (owner only): {userId, roleId: meeting_manager|meeting_member (or manager|member)}")
    MeetingView assignRole(@PathVariable String meetingId, @Valid @RequestBody AssignRole request, Actor actor) {
        return view(participants.assignRole(meetingId("meetingId", meetingId), request.userId(), request.roleId(), actor),
                actor);
    }

    private static MeetingView view(Meeting meeting, Actor actor) {
        return MeetingView.of(meeting, actor.id(), null);
    }
}
