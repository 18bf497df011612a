package io.convene.api.meeting;

import static io.convene.api.meeting.MeetingService.requireValidId;

import io.convene.api.meeting.MeetingRequests.AssignRole;
import io.convene.api.meeting.MeetingRequests.BulkDelete;
import io.convene.api.meeting.MeetingRequests.CreateMeeting;
import io.convene.api.meeting.MeetingRequests.Invite;
import io.convene.api.meeting.MeetingRequests.PostChat;
import io.convene.api.meeting.MeetingRequests.Respond;
import io.convene.api.meeting.MeetingRequests.UpdateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateSettings;
import io.convene.api.meeting.MeetingViews.BulkDeleteResult;
import io.convene.api.meeting.MeetingViews.ChatMessageView;
import io.convene.api.meeting.MeetingViews.JoinView;
import io.convene.api.meeting.MeetingViews.MeetingListItem;
import io.convene.api.meeting.MeetingViews.MeetingView;
import io.convene.api.meeting.MeetingViews.Page;
import io.convene.api.meeting.MeetingViews.Preview;
import io.convene.api.meeting.MeetingViews.RoleView;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Meetings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled meetings (seed 002 §1.2). Every object is authorised by {@link MeetingPolicy}. */
@RestController
@RequestMapping("/api/meetings")
@Validated
@Tag(name = "meetings")
class MeetingController {

    private final MeetingService meetingsService;
    private final AttendanceService attendance;
    private final ParticipantService participants;
    private final MeetingListService lists;
    private final MeetingExtrasService extras;
    private final MeetingPolicy policy;
    private final Meetings meetings;
    private final ConcurrentChangeRetry retry;
    private final MeetingProperties rules;

    MeetingController(MeetingService meetingsService, AttendanceService attendance, ParticipantService participants,
                      MeetingListService lists, MeetingExtrasService extras, MeetingPolicy policy, Meetings meetings,
                      ConcurrentChangeRetry retry, MeetingProperties rules) {
        this.retry = retry;
        this.rules = rules;
        this.meetingsService = meetingsService;
        this.attendance = attendance;
        this.participants = participants;
        this.lists = lists;
        this.extras = extras;
        this.policy = policy;
        this.meetings = meetings;
    }

    @PostMapping
    @Operation(summary = "Schedule a meeting; the caller is its owner")
    ResponseEntity<MeetingView> create(@Valid @RequestBody CreateMeeting request, @AuthenticationPrincipal Jwt jwt) {
        MeetingView meeting = MeetingView.of(meetingsService.create(request, CurrentUser.of(jwt)));
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.meetingId())).body(meeting);
    }

    @GetMapping
    @Operation(summary = "List meetings: scope my|org (org: admins), status, q (title), section live|upcoming|past")
    Page<MeetingListItem> list(@RequestParam(required = false) String scope,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String section,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @AuthenticationPrincipal Jwt jwt) {
        return lists.list(CurrentUser.of(jwt), scope, status, section, q, null, page, size);
    }

    @GetMapping("/upcoming")
    @Operation(summary = "My meetings starting within 24 hours")
    Page<MeetingListItem> upcoming(@RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                   @AuthenticationPrincipal Jwt jwt) {
        return lists.list(CurrentUser.of(jwt), "my", null, "upcoming", null, rules.upcomingWindow(), page, size);
    }

    @GetMapping("/past")
    @Operation(summary = "My ended meetings, with duration and the number of distinct users who joined")
    Page<MeetingListItem> past(@RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @AuthenticationPrincipal Jwt jwt) {
        return lists.list(CurrentUser.of(jwt), "my", null, "past", null, null, page, size);
    }

    @GetMapping("/my")
    @Operation(summary = "Meetings I created or am invited to (live and upcoming)")
    Page<MeetingListItem> my(@RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                             @AuthenticationPrincipal Jwt jwt) {
        return lists.list(CurrentUser.of(jwt), "my", null, null, null, null, page, size);
    }

    @GetMapping("/roles")
    @Operation(summary = "The meeting roles and their permissions")
    List<RoleView> roles() {
        return Arrays.stream(MeetingRole.values()).map(RoleView::of).toList();
    }

    @DeleteMapping("/bulk")
    @Operation(summary = "Delete several meetings; partial success: {deleted, failed, errors}")
    BulkDeleteResult bulkDelete(@Valid @RequestBody BulkDelete request, @AuthenticationPrincipal Jwt jwt) {
        return extras.bulkDelete(request.meetingIds(), CurrentUser.of(jwt));
    }

    @GetMapping("/{meetingId}")
    MeetingView get(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(policy.visible(meetings.findById(meetingId), meetingId, CurrentUser.of(jwt)));
    }

    @PatchMapping("/{meetingId}")
    @Operation(summary = "Edit (owner, manager); a new time moves the pending reminders")
    MeetingView update(@PathVariable String meetingId, @Valid @RequestBody UpdateMeeting request,
                       @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> meetingsService.update(meetingId, request, CurrentUser.of(jwt))));
    }

    @PatchMapping("/{meetingId}/settings")
    MeetingView settings(@PathVariable String meetingId, @Valid @RequestBody UpdateSettings request,
                         @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> meetingsService.updateSettings(meetingId, request, CurrentUser.of(jwt))));
    }

    @DeleteMapping("/{meetingId}")
    @Operation(summary = "Delete now (owner)")
    ResponseEntity<Void> delete(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        retry.run(() -> {
            meetingsService.delete(meetingId, CurrentUser.of(jwt));
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/cancel")
    MeetingView cancel(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> meetingsService.cancel(meetingId, CurrentUser.of(jwt))));
    }

    @PostMapping("/{meetingId}/start")
    @Operation(summary = "Start; before the start time only with can_start_meeting (owner, manager)")
    MeetingView start(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> attendance.start(meetingId, CurrentUser.of(jwt))));
    }

    @PostMapping("/{meetingId}/end")
    MeetingView end(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> attendance.end(meetingId, CurrentUser.of(jwt))));
    }

    @PostMapping("/{meetingId}/join")
    @Operation(summary = "Join: Jitsi URL + JWT, the external URL, or a room key + ICE servers")
    JoinView join(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt,
                  @org.springframework.web.bind.annotation.RequestHeader(value = "User-Agent", required = false) String userAgent) {
        requireValidId(meetingId);
        return retry.run(() -> attendance.join(meetingId, CurrentUser.of(jwt), userAgent));
    }

    @PostMapping("/{meetingId}/leave")
    MeetingView leave(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(retry.run(() -> attendance.leave(meetingId, CurrentUser.of(jwt))));
    }

    @PostMapping("/{meetingId}/participants")
    MeetingView invite(@PathVariable String meetingId, @Valid @RequestBody Invite request, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(participants.invite(meetingId, request.participantIds(), false, CurrentUser.of(jwt)));
    }

    @PostMapping("/{meetingId}/invite-live")
    MeetingView inviteLive(@PathVariable String meetingId, @Valid @RequestBody Invite request,
                           @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(participants.invite(meetingId, request.participantIds(), true, CurrentUser.of(jwt)));
    }

    @DeleteMapping("/{meetingId}/participants/{userId}")
    MeetingView remove(@PathVariable String meetingId, @PathVariable String userId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(participants.remove(meetingId, userId, CurrentUser.of(jwt)));
    }

    @PatchMapping("/{meetingId}/participants/{userId}")
    @Operation(summary = "The invitee accepts or declines: {\"status\": \"accepted\" | \"declined\"}")
    MeetingView respond(@PathVariable String meetingId, @PathVariable String userId, @Valid @RequestBody Respond request,
                        @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(participants.respond(meetingId, userId, request.accepted(), CurrentUser.of(jwt)));
    }

    @PostMapping("/{meetingId}/roles")
    @Operation(summary = "Assign a role (owner only): {userId, roleId: manager|member}")
    MeetingView assignRole(@PathVariable String meetingId, @Valid @RequestBody AssignRole request,
                           @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return MeetingView.of(participants.assignRole(meetingId, request.userId(), request.roleId(), CurrentUser.of(jwt)));
    }

    @GetMapping("/{meetingId}/preview")
    @Operation(summary = "Who is in the meeting now (internal users see names)")
    Preview preview(@PathVariable String meetingId, @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return extras.preview(meetingId, CurrentUser.of(jwt));
    }

    @GetMapping("/{meetingId}/chat")
    @Operation(summary = "Chat messages, newest last; page back with before=<id>")
    List<ChatMessageView> chat(@PathVariable String meetingId, @RequestParam(required = false) Long before,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                               @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return extras.chat(meetingId, before, size, CurrentUser.of(jwt));
    }

    @PostMapping("/{meetingId}/chat")
    ResponseEntity<ChatMessageView> post(@PathVariable String meetingId, @Valid @RequestBody PostChat request,
                                         @AuthenticationPrincipal Jwt jwt) {
        requireValidId(meetingId);
        return ResponseEntity.status(201).body(extras.post(meetingId, request.body(), CurrentUser.of(jwt)));
    }

}
