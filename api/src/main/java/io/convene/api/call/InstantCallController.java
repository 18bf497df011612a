package io.convene.api.call;

import static io.convene.application.shared.Ids.callId;

import io.convene.api.call.CallRequests.CallRef;
import io.convene.api.call.CallRequests.Invite;
import io.convene.api.call.CallRequests.StartInstant;
import io.convene.api.call.CallViews.CallView;
import io.convene.api.meeting.MeetingViews.ParticipantView;
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

/** Instant calls, seed 002 §2: call now, answer, add people, leave, hang up. */
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
    @Operation(summary = "Call people now: only online users are rung (30 s); the others get a missed call")
    ResponseEntity<CallView> instant(@Valid @RequestBody StartInstant request, Actor actor) {
        CallStarted started = starting.start("participantIds", request.participantIds(),
                new CallOrigin(CallRequests.type(request.callType()), request.sourceChannelId(), null), actor);
        return ResponseEntity.created(URI.create("/api/calls/" + started.call().id()))
                .body(CallView.of(started.call(), started.ringing(), started.unreachable()));
    }

    @GetMapping("/{callId}")
    CallView get(@PathVariable String callId, Actor actor) {
        return CallView.of(attendance.get(callId("callId", callId), actor));
    }

    @GetMapping("/{callId}/participants")
    List<ParticipantView> participants(@PathVariable String callId, Actor actor) {
        return attendance.get(callId("callId", callId), actor).participants().stream().map(ParticipantView::of).toList();
    }

    @PostMapping("/accept")
    CallView accept(@Valid @RequestBody CallRef request, Actor actor) {
        return CallView.of(answering.accept(callId("meetingId", request.meetingId()), actor));
    }

    @PostMapping("/decline")
    CallView decline(@Valid @RequestBody CallRef request, Actor actor) {
        return CallView.of(answering.decline(callId("meetingId", request.meetingId()), actor));
    }

    @PostMapping("/{callId}/invite")
    @Operation(summary = "Add people mid-call; same call id, rung by the same rules")
    CallView invite(@PathVariable String callId, @Valid @RequestBody Invite request, Actor actor) {
        CallStarted started = invitations.invite(callId("callId", callId), request.participantIds(), actor);
        return CallView.of(started.call(), started.ringing(), started.unreachable());
    }

    @PostMapping("/{callId}/leave")
    CallView leave(@PathVariable String callId, Actor actor) {
        return CallView.of(attendance.leave(callId("callId", callId), actor));
    }

    @PostMapping("/{callId}/end")
    @Operation(summary = "End the call for everyone (the initiator or an org admin)")
    CallView end(@PathVariable String callId, Actor actor) {
        return CallView.of(attendance.end(callId("callId", callId), actor));
    }

    @DeleteMapping("/{callId}")
    @Operation(summary = "Hang up the call for everyone (the initiator or an org admin); rings stop")
    ResponseEntity<Void> hangUp(@PathVariable String callId, Actor actor) {
        attendance.end(callId("callId", callId), actor);
        return ResponseEntity.noContent().build();
    }
}
