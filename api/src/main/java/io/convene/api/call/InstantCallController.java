package io.convene.api.call;

import static io.convene.application.shared.Ids.callId;

import io.convene.api.call.CallRequests.CallRef;
import io.convene.api.call.CallRequests.CallType;
import io.convene.api.call.CallRequests.Invite;
import io.convene.api.call.CallRequests.Notify;
import io.convene.api.call.CallRequests.StartInstant;
import io.convene.api.call.CallViews.CallMeetingView;
import io.convene.application.meeting.MeetingResults.ParticipantView;
import io.convene.application.call.AnsweringCalls;
import io.convene.application.call.CallAttendance;
import io.convene.application.call.CallInvitations;
import io.convene.application.call.CallStarted;
import io.convene.application.call.StartingCalls;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.CallOrigin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instant calls, seed 002 §2: call now, answer, ring again, add people, leave, hang up. These
 * wrappers answer the Meeting object (seed 002, Open Question 10) with the call's type.
 */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class InstantCallController {

    private final StartingCalls starting;
    private final AnsweringCalls answering;
    private final CallInvitations invitations;
    private final CallAttendance attendance;

    InstantCallController(StartingCalls starting, AnsweringCalls answering, CallInvitations invitations,
                          CallAttendance attendance) {
        this.starting = starting;
        this.answering = answering;
        this.invitations = invitations;
        this.attendance = attendance;
    }

    @PostMapping("/instant")
    @Operation(summary = "Call people now (video unless callType says audio): only online users are rung (30 s); "
            + "409 not_reachable, and no call, when nobody is online (a 1:1 callee is told you tried). Takes seed "
            + "002's createMeeting fields too: title, startTime/endTime (checked, a call starts now), "
            + "participantUserIds, isInstantCall (true)")
    ResponseEntity<CallMeetingView> instant(@Valid @RequestBody StartInstant request, Actor actor) {
        request.checkTimes();
        CallStarted started = starting.start("participantIds", request.participantIds(), request.title(),
                new CallOrigin(CallRequests.type(request.callType(), CallType.video), request.sourceChannelId(), null),
                actor);
        return ResponseEntity.created(URI.create("/api/calls/" + started.call().id())).body(CallMeetingView.of(started));
    }

    @GetMapping("/{callId}")
    CallMeetingView get(@PathVariable String callId, Actor actor) {
        return CallMeetingView.of(attendance.get(callId("callId", callId), actor));
    }

    @GetMapping("/{callId}/participants")
    List<ParticipantView> participants(@PathVariable String callId, Actor actor) {
        return attendance.get(callId("callId", callId), actor).participants().stream().map(ParticipantView::of).toList();
    }

    @PostMapping("/accept")
    CallMeetingView accept(@Valid @RequestBody CallRef request, Actor actor) {
        return CallMeetingView.of(answering.accept(callId("meetingId", request.meetingId()), actor));
    }

    @PostMapping("/decline")
    CallMeetingView decline(@Valid @RequestBody CallRef request, Actor actor) {
        return CallMeetingView.of(answering.decline(callId("meetingId", request.meetingId()), actor));
    }

    @PostMapping("/notify")
    @Operation(summary = "Ring again the invitees who have not answered and are online now (all, or userIds); "
            + "a phone that still rings is not rung twice")
    CallMeetingView notify(@Valid @RequestBody Notify request, Actor actor) {
        return CallMeetingView.of(invitations.ringAgain(callId("meetingId", request.meetingId()), request.userIds(),
                actor));
    }

    @PostMapping("/{callId}/invite")
    @Operation(summary = "Add people mid-call; same call id, rung by the same rules")
    CallMeetingView invite(@PathVariable String callId, @Valid @RequestBody Invite request, Actor actor) {
        return CallMeetingView.of(invitations.invite(callId("callId", callId), request.invitees(), actor));
    }

    @PostMapping("/{callId}/leave")
    CallMeetingView leave(@PathVariable String callId, Actor actor) {
        return CallMeetingView.of(attendance.leave(callId("callId", callId), actor));
    }

    @DeleteMapping("/{callId}")
    @Operation(summary = "Hang up the call for everyone (the initiator or an org admin); rings stop")
    ResponseEntity<Void> hangUp(@PathVariable String callId, Actor actor) {
        attendance.end(callId("callId", callId), actor);
        return ResponseEntity.noContent().build();
    }
}
