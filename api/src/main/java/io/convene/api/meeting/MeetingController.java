package io.convene.api.meeting;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.api.call.CallViews.CallMeetingView;
import io.convene.api.meeting.MeetingRequests.BulkDelete;
import io.convene.api.meeting.MeetingRequests.CreateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateSettings;
import io.convene.api.meeting.MeetingViews.RoleView;
import io.convene.api.meeting.MeetingViews.ScheduledView;
import io.convene.api.paging.PagedResponses;
import io.convene.application.call.CallAttendance;
import io.convene.application.call.CallStarted;
import io.convene.application.call.StartingCalls;
import io.convene.application.meeting.MeetingLists;
import io.convene.application.meeting.MeetingLists.ListQuery;
import io.convene.application.meeting.MeetingReads;
import io.convene.application.meeting.MeetingRemoval;
import io.convene.application.meeting.MeetingResults.BulkDeleteResult;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.MeetingResults.ParticipantView;
import io.convene.application.meeting.MeetingScheduling;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
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

/**
 * Meetings (seed 002 §1.2): schedule, read, list, edit, cancel, delete. Answers are seed 002's
 * Meeting object; lists are JSON arrays with their paging in {@code Link} / {@code X-Total-Count}.
 * A {@code call_} id is the same Meeting object (seed 002: calls are meetings).
 */
@RestController
@RequestMapping("/api/meetings")
@Validated
@Tag(name = "meetings")
class MeetingController {

    private final MeetingScheduling scheduling;
    private final MeetingRemoval removal;
    private final MeetingReads reads;
    private final MeetingLists lists;
    private final StartingCalls calls;
    private final CallAttendance callAttendance;

    MeetingController(MeetingScheduling scheduling, MeetingRemoval removal, MeetingReads reads, MeetingLists lists,
                      StartingCalls calls, CallAttendance callAttendance) {
        this.scheduling = scheduling;
        this.removal = removal;
        this.reads = reads;
        this.lists = lists;
        this.calls = calls;
        this.callAttendance = callAttendance;
    }

    @PostMapping
    @Operation(summary = "Schedule a meeting (the caller owns it; the answer lists the caller's meetings it overlaps), "
            + "or with isInstantCall: true start a call now, as POST /api/calls/instant does")
    @ApiResponse(responseCode = "201", description = "The meeting (with its overlaps), or the call",
            content = @Content(schema = @Schema(oneOf = {ScheduledView.class, CallMeetingView.class})))
    ResponseEntity<?> create(@Valid @RequestBody CreateMeeting request, Actor actor) {
        if (request.instantCall()) {
            List<String> callees = request.invitees() == null || request.invitees().isEmpty()
                    ? (request.sourceUserId() == null ? List.of() : List.of(request.sourceUserId()))
                    : request.invitees();
            CallStarted started = calls.start(request.inviteesField(), callees, request.title(), new CallOrigin(
                    (request.callType() == null ? MeetingRequests.CallType.video : request.callType()).name(),
                    request.sourceChannelId(), null), actor);
            return ResponseEntity.created(URI.create("/api/calls/" + started.call().id()))
                    .body(CallMeetingView.of(started));
        }
        ScheduledView meeting = ScheduledView.of(scheduling.create(request.toNewMeeting(), actor), actor.id());
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.meeting().meetingId())).body(meeting);
    }

    @GetMapping
    @Operation(summary = "List meetings: scope my|org (org: admins), status, q (title), section live|upcoming|past; "
            + "a JSON array, paged by page/size (Link, X-Total-Count)")
    ResponseEntity<List<MeetingView>> list(@RequestParam(required = false) String scope,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String section,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) Instant since,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                           Actor actor) {
        return PagedResponses.of(lists.list(actor, new ListQuery(scope, status, section, q, null, since), page, size));
    }

    @GetMapping("/upcoming")
    @Operation(summary = "My meetings starting within 24 hours and those in progress (a JSON array)")
    ResponseEntity<List<MeetingView>> upcoming(@RequestParam(defaultValue = "0") @Min(0) int page,
                                               @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size,
                                               Actor actor) {
        return PagedResponses.of(lists.upcoming(actor, page, size));
    }

    @GetMapping("/past")
    @Operation(summary = "My meetings and calls that ended in the last 8 h (or since=<instant>, as far back as the "
            + "call log is kept), with duration and the number of distinct users who joined (a JSON array)")
    ResponseEntity<List<MeetingView>> past(@RequestParam(required = false) Instant since,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size,
                                           Actor actor) {
        return PagedResponses.of(lists.list(actor, ListQuery.past(since), page, size));
    }

    @GetMapping("/my")
    @Operation(summary = "Meetings I created or am invited to (live and upcoming; a JSON array)")
    ResponseEntity<List<MeetingView>> my(@RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size,
                                         Actor actor) {
        return PagedResponses.of(lists.list(actor, new ListQuery("my", null, null, null, null, null), page, size));
    }

    @GetMapping("/roles")
    @Operation(summary = "The meeting roles and their permissions, as seed 002's meeting_roles rows")
    List<RoleView> roles() {
        return Arrays.stream(MeetingRole.values()).map(RoleView::of).toList();
    }

    @DeleteMapping("/bulk")
    @Operation(summary = "Delete several meetings for good; partial success: {deleted, failed, errors}")
    BulkDeleteResult bulkDelete(@Valid @RequestBody BulkDelete request, Actor actor) {
        return removal.bulkDelete(request.meetingIds(), actor);
    }

    @GetMapping("/{meetingId}")
    MeetingView get(@PathVariable String meetingId, Actor actor) {
        return reads.view(meetingId("meetingId", meetingId), actor);
    }

    @GetMapping("/{meetingId}/participants")
    @Operation(summary = "Who is invited: their answer (invited, accepted, declined, attended) and whether they are in it now")
    List<ParticipantView> participants(@PathVariable String meetingId, Actor actor) {
        return reads.participants(meetingId("meetingId", meetingId), actor);
    }

    @PatchMapping("/{meetingId}")
    @Operation(summary = "Edit (owner, manager); a new time moves the pending reminders and lists what it now overlaps")
    ScheduledView update(@PathVariable String meetingId, @Valid @RequestBody UpdateMeeting request, Actor actor) {
        return ScheduledView.of(scheduling.update(meetingId("meetingId", meetingId), request.toEdit(), actor), actor.id());
    }

    @PatchMapping("/{meetingId}/settings")
    MeetingView settings(@PathVariable String meetingId, @Valid @RequestBody UpdateSettings request, Actor actor) {
        return MeetingView.of(scheduling.updateSettings(meetingId("meetingId", meetingId), request.toEdit(), actor),
                actor.id(), null);
    }

    @DeleteMapping("/{meetingId}")
    @Operation(summary = "Seed 002's \"Cancel meeting (owner only)\": a scheduled meeting is cancelled (200, kept); one "
            + "in progress is ended; one already cancelled or ended is deleted for good (204). On a call_ id: hang up "
            + "the call for everyone (204), as DELETE /api/calls/{id}")
    ResponseEntity<MeetingView> cancel(@PathVariable String meetingId, Actor actor) {
        MeetingId id = meetingId("meetingId", meetingId);
        if (id.isCall()) {
            callAttendance.end(id, actor);
            return ResponseEntity.noContent().build();
        }
        return removal.cancelOrDelete(id, actor).map(m -> ResponseEntity.ok(MeetingView.of(m, actor.id(), null)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{meetingId}/cancel")
    MeetingView cancelScheduled(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(removal.cancel(meetingId("meetingId", meetingId), actor), actor.id(), null);
    }
}
