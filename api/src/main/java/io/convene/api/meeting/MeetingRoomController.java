package io.convene.api.meeting;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.api.meeting.MeetingRequests.PostChat;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.Attendance;
import io.convene.application.meeting.MeetingChat;
import io.convene.application.meeting.MeetingReads;
import io.convene.application.meeting.MeetingResults.ChatMessageView;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.meeting.MeetingResults.Preview;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Being in a meeting: start, join, leave, end, who is there, and the chat. */
@RestController
@RequestMapping("/api/meetings/{meetingId}")
@Validated
@Tag(name = "meetings")
class MeetingRoomController {

    private final Attendance attendance;
    private final MeetingReads reads;
    private final MeetingChat chat;

    MeetingRoomController(Attendance attendance, MeetingReads reads, MeetingChat chat) {
        this.attendance = attendance;
        this.reads = reads;
        this.chat = chat;
    }

    @PostMapping("/start")
    @Operation(summary = "Start; before the start time only with can_start_meeting (owner, manager)")
    MeetingView start(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(attendance.start(meetingId("meetingId", meetingId), actor), actor.id(), null);
    }

    @PostMapping("/end")
    MeetingView end(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(attendance.end(meetingId("meetingId", meetingId), actor), actor.id(), null);
    }

    @PostMapping("/join")
    @Operation(summary = "Join: Jitsi URL + JWT, the external URL, or a room key + ICE servers")
    JoinView join(@PathVariable String meetingId, Actor actor,
                  @RequestHeader(value = "User-Agent", required = false) String userAgent) {
        return attendance.join(meetingId("meetingId", meetingId), actor, userAgent);
    }

    @PostMapping("/leave")
    MeetingView leave(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(attendance.leave(meetingId("meetingId", meetingId), actor), actor.id(), null);
    }

    @GetMapping("/preview")
    @Operation(summary = "Who is in the meeting now (internal users see names)")
    Preview preview(@PathVariable String meetingId, Actor actor) {
        return reads.preview(meetingId("meetingId", meetingId), actor);
    }

    @GetMapping("/chat")
    @Operation(summary = "Chat messages, newest last; page back with before=<id>")
    List<ChatMessageView> chat(@PathVariable String meetingId, @RequestParam(required = false) Long before,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Actor actor) {
        return chat.page(meetingId("meetingId", meetingId), before, size, actor);
    }

    @PostMapping("/chat")
    ResponseEntity<ChatMessageView> post(@PathVariable String meetingId, @Valid @RequestBody PostChat request,
                                         Actor actor) {
        return ResponseEntity.status(201).body(chat.post(meetingId("meetingId", meetingId), request.body(), actor));
    }
}
