package io.convene.api.call;

import io.convene.api.call.CallRequests.CallRef;
import io.convene.api.call.CallRequests.Invite;
import io.convene.api.call.CallRequests.StartInstant;
import io.convene.api.call.CallRequests.StartThreadCall;
import io.convene.api.error.ForbiddenException;
import io.convene.api.error.NotFoundException;
import io.convene.api.meeting.AttendanceService;
import io.convene.api.meeting.ConcurrentChangeRetry;
import io.convene.api.meeting.MeetingViews;
import io.convene.api.meeting.MeetingViews.JoinView;
import io.convene.api.meeting.MeetingViews.ParticipantView;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Instant calls: seed 002's endpoints and seed 001's thread calls, one implementation. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class CallController {

    record CallView(String callId, String status, String callType, String createdBy, Instant startedAt,
                    Instant endedAt, String sourceChannelId, String threadId, List<ParticipantView> participants,
                    List<String> ringing, List<String> unreachable) {
        static CallView of(Meeting call, List<String> ringing, List<String> unreachable) {
            return new CallView(call.id(), MeetingViews.lower(call.status()), call.callType(), call.createdBy(),
                    call.startedAt(), call.endedAt(), call.sourceChannelId(), call.threadId(),
                    call.participants().stream().map(ParticipantView::of).toList(), ringing, unreachable);
        }
    }

    record ThreadCallStarted(String callId, String roomName, String joinUrl, List<String> ringing, List<String> unreachable) {}

    record JitsiConfig(String domain, String room) {}

    record ThreadJoin(String token, JitsiConfig jitsiConfig, String joinUrl) {}

    private final CallService calls;
    private final AttendanceService attendance;
    private final ConcurrentChangeRetry retry;
    private final Meetings meetings;
    private final CallLogService callLogs;

    CallController(CallService calls, AttendanceService attendance, ConcurrentChangeRetry retry, Meetings meetings,
                   CallLogService callLogs) {
        this.calls = calls;
        this.attendance = attendance;
        this.retry = retry;
        this.meetings = meetings;
        this.callLogs = callLogs;
    }

    @PostMapping("/instant")
    @Operation(summary = "Call people now: only online users are rung (30 s); the others get a missed call")
    ResponseEntity<CallView> instant(@Valid @RequestBody StartInstant request, @AuthenticationPrincipal Jwt jwt) {
        CallService.Started started = calls.start("participantIds", request.participantIds(),
                new CallOrigin(CallRequests.type(request.callType()), request.sourceChannelId(), null), CurrentUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/calls/" + started.call().id()))
                .body(CallView.of(started.call(), started.ringing(), started.unreachable()));
    }

    @PostMapping("/start")
    @Operation(summary = "Seed 001: start a call in a thread, ringing its members")
    ResponseEntity<ThreadCallStarted> start(@Valid @RequestBody StartThreadCall request, @AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.of(jwt);
        CallService.Started started = calls.start("memberIds", request.memberIds(),
                new CallOrigin(CallRequests.type(request.callType()), null, request.threadId()), user);
        Meeting call = started.call();
        return ResponseEntity.created(URI.create("/api/calls/" + call.id()))
                .body(new ThreadCallStarted(call.id(), call.roomKey(), null, started.ringing(), started.unreachable()));
    }

    @GetMapping("/{callId}")
    CallView get(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        return CallView.of(calls.visibleCall(callId, CurrentUser.of(jwt)), null, null);
    }

    @GetMapping("/{callId}/participants")
    List<ParticipantView> participants(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        return calls.visibleCall(callId, CurrentUser.of(jwt)).participants().stream().map(ParticipantView::of).toList();
    }

    @PostMapping("/accept")
    CallView accept(@Valid @RequestBody CallRef request, @AuthenticationPrincipal Jwt jwt) {
        return CallView.of(retry.run(() -> calls.accept(request.meetingId(), CurrentUser.of(jwt))), null, null);
    }

    @PostMapping("/decline")
    CallView decline(@Valid @RequestBody CallRef request, @AuthenticationPrincipal Jwt jwt) {
        return CallView.of(retry.run(() -> calls.decline(request.meetingId(), CurrentUser.of(jwt))), null, null);
    }

    @PostMapping("/{callId}/invite")
    @Operation(summary = "Add people mid-call; same call id, rung by the same rules")
    CallView invite(@PathVariable String callId, @Valid @RequestBody Invite request, @AuthenticationPrincipal Jwt jwt) {
        CallService.Started started = retry.run(() -> calls.invite(callId, request.participantIds(), CurrentUser.of(jwt)));
        return CallView.of(started.call(), started.ringing(), started.unreachable());
    }

    @PostMapping("/{callId}/join")
    @Operation(summary = "Seed 001: join the call's Jitsi room; 403 for someone not in the call's thread")
    ThreadJoin join(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt,
                    @RequestHeader(value = "User-Agent", required = false) String userAgent) {
        CurrentUser user = CurrentUser.of(jwt);
        requireMember(callId, user);
        JoinView join = retry.run(() -> attendance.join(callId, user, userAgent));
        return new ThreadJoin(join.jitsi().token(), new JitsiConfig(join.jitsi().domain(), join.jitsi().room()),
                join.jitsi().url());
    }

    @PostMapping("/{callId}/leave")
    CallView leave(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        calls.visibleCall(callId, CurrentUser.of(jwt));
        return CallView.of(retry.run(() -> attendance.leave(callId, CurrentUser.of(jwt))), null, null);
    }

    @PostMapping("/{callId}/end")
    @Operation(summary = "End the call for everyone (the initiator or an org admin)")
    CallView end(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        calls.visibleCall(callId, CurrentUser.of(jwt));
        return CallView.of(retry.run(() -> attendance.end(callId, CurrentUser.of(jwt))), null, null);
    }

    @DeleteMapping("/{callId}")
    @Operation(summary = "Hang up the call for everyone (the initiator or an org admin); rings stop")
    ResponseEntity<Void> hangUp(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        end(callId, jwt);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{callId}/log")
    @Operation(summary = "Seed 001: who joined and left when, from which device, and how long")
    CallLogService.CallLog log(@PathVariable String callId, @AuthenticationPrincipal Jwt jwt) {
        return callLogs.log(callId, CurrentUser.of(jwt));
    }

    private void requireMember(String callId, CurrentUser user) {
        if (!MeetingId.isValid(callId)) {
            calls.visibleCall(callId, user); // 400 naming callId
        }
        Meeting call = meetings.findById(callId).filter(Meeting::isInstantCall)
                .orElseThrow(() -> new NotFoundException("call", callId));
        if (call.participant(user.id()).isEmpty()) {
            throw new ForbiddenException("You are not a member of this call's thread.");
        }
    }

}
