package io.convene.api.call;

import static io.convene.application.shared.Ids.callId;

import io.convene.api.call.CallRequests.CallType;
import io.convene.api.call.CallRequests.StartThreadCall;
import io.convene.api.call.CallViews.JitsiConfig;
import io.convene.api.call.CallViews.ThreadCallEnded;
import io.convene.api.call.CallViews.ThreadCallLog;
import io.convene.api.call.CallViews.ThreadCallStarted;
import io.convene.api.call.CallViews.ThreadJoin;
import io.convene.application.call.CallAttendance;
import io.convene.application.call.CallLogs;
import io.convene.application.call.CallStarted;
import io.convene.application.call.StartingCalls;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.Meeting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001's thread calls, in seed 001's snake_case shapes (camelCase requests are taken too): start
 * in a thread, join its Jitsi room, end it, the call log.
 */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class ThreadCallController {

    private final StartingCalls starting;
    private final CallAttendance attendance;
    private final CallLogs logs;

    ThreadCallController(StartingCalls starting, CallAttendance attendance, CallLogs logs) {
        this.starting = starting;
        this.attendance = attendance;
        this.logs = logs;
    }

    @PostMapping("/start")
    @Operation(summary = "Seed 001: start a call in a thread ({thread_id, call_type}; audio unless call_type says video), "
            + "ringing the members named (member_ids), or with a portal every other member; 403 for someone not in "
            + "the thread. Answers seed 001's {call_id, room_name, join_url} in snake_case")
    ResponseEntity<ThreadCallStarted> start(@Valid @RequestBody StartThreadCall request, Actor actor) {
        CallStarted started = starting.startInThread(request.threadId(), request.memberIds(),
                CallRequests.type(request.callType(), CallType.audio), actor);
        Meeting call = started.call();
        return ResponseEntity.created(URI.create("/api/calls/" + call.id()))
                .body(new ThreadCallStarted(call.id().value(), call.roomKey(), started.joinUrl(), call.callType(),
                        started.ringing(), started.unreachable()));
    }

    @PostMapping("/{callId}/join")
    @Operation(summary = "Seed 001: join the call's Jitsi room; 403 for someone not in the call's thread")
    ThreadJoin join(@PathVariable String callId, Actor actor,
                    @RequestHeader(value = "User-Agent", required = false) String userAgent) {
        JoinView join = attendance.joinAsMember(callId("callId", callId), actor, userAgent);
        return new ThreadJoin(join.jitsi().token(), new JitsiConfig(join.jitsi().domain(), join.jitsi().room()),
                join.jitsi().url());
    }

    @PostMapping("/{callId}/end")
    @Operation(summary = "Seed 001: end the call for everyone (the initiator or an org admin)")
    ThreadCallEnded end(@PathVariable String callId, Actor actor) {
        Meeting ended = attendance.end(callId("callId", callId), actor);
        return new ThreadCallEnded(true, ended.id().value(), CallLogs.status(ended), ended.endedAt(),
                ended.duration().toSeconds());
    }

    @GetMapping("/{callId}/log")
    @Operation(summary = "Seed 001: the call_logs record — status ringing | in_progress | completed; who joined and "
            + "left when, from which device, and how long")
    ThreadCallLog log(@PathVariable String callId, Actor actor) {
        return ThreadCallLog.of(logs.log(callId("callId", callId), actor));
    }
}
