package io.convene.api.meeting;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.api.meeting.MeetingRequests.BulkDelete;
import io.convene.api.meeting.MeetingRequests.CreateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateSettings;
import io.convene.api.meeting.MeetingViews.MeetingView;
import io.convene.api.meeting.MeetingViews.RoleView;
import io.convene.application.meeting.MeetingLists;
import io.convene.application.meeting.MeetingLists.ListQuery;
import io.convene.application.meeting.MeetingReads;
import io.convene.application.meeting.MeetingRemoval;
import io.convene.application.meeting.MeetingResults.BulkDeleteResult;
import io.convene.application.meeting.MeetingResults.MeetingListItem;
import io.convene.application.meeting.MeetingResults.Page;
import io.convene.application.meeting.MeetingScheduling;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.MeetingRole;
import io.swagger.v3.oas.annotations.Operation;
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

/** Scheduled meetings (seed 002 §1.2): schedule, read, list, edit, cancel, delete. */
@RestController
@RequestMapping("/api/meetings")
@Validated
@Tag(name = "meetings")
class MeetingController {

    private final MeetingScheduling scheduling;
    private final MeetingRemoval removal;
    private final MeetingReads reads;
    private final MeetingLists lists;

    MeetingController(MeetingScheduling scheduling, MeetingRemoval removal, MeetingReads reads, MeetingLists lists) {
        this.scheduling = scheduling;
        this.removal = removal;
        this.reads = reads;
        this.lists = lists;
    }

    @PostMapping
    @Operation(summary = "Schedule a meeting; the caller is its owner")
    ResponseEntity<MeetingView> create(@Valid @RequestBody CreateMeeting request, Actor actor) {
        MeetingView meeting = MeetingView.of(scheduling.create(request.toNewMeeting(), actor));
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.meetingId())).body(meeting);
    }

    @GetMapping
    @Operation(summary = "List meetings: scope my|org (org: admins), status, q (title), section live|upcoming|past")
    Page<MeetingListItem> list(@RequestParam(required = false) String scope,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String section,
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) Instant since,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               Actor actor) {
        return lists.list(actor, new ListQuery(scope, status, section, q, null, since), page, size);
    }

    @GetMapping("/upcoming")
    @Operation(summary = "My meetings starting within 24 hours")
    Page<MeetingListItem> upcoming(@RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Actor actor) {
        return lists.upcoming(actor, page, size);
    }

    @GetMapping("/past")
    @Operation(summary = "My meetings and calls that ended in the last 8 h (or since=<instant>, as far back as the "
            + "call log is kept), with duration and the number of distinct users who joined")
    Page<MeetingListItem> past(@RequestParam(required = false) Instant since,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Actor actor) {
        return lists.list(actor, ListQuery.past(since), page, size);
    }

    @GetMapping("/my")
    @Operation(summary = "Meetings I created or am invited to (live and upcoming)")
    Page<MeetingListItem> my(@RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Actor actor) {
        return lists.list(actor, new ListQuery("my", null, null, null, null, null), page, size);
    }

    @GetMapping("/roles")
    @Operation(summary = "The meeting roles and their permissions")
    List<RoleView> roles() {
        return Arrays.stream(MeetingRole.values()).map(RoleView::of).toList();
    }

    @DeleteMapping("/bulk")
    @Operation(summary = "Delete several meetings; partial success: {deleted, failed, errors}")
    BulkDeleteResult bulkDelete(@Valid @RequestBody BulkDelete request, Actor actor) {
        return removal.bulkDelete(request.meetingIds(), actor);
    }

    @GetMapping("/{meetingId}")
    MeetingView get(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(reads.get(meetingId("meetingId", meetingId), actor));
    }

    @PatchMapping("/{meetingId}")
    @Operation(summary = "Edit (owner, manager); a new time moves the pending reminders")
    MeetingView update(@PathVariable String meetingId, @Valid @RequestBody UpdateMeeting request, Actor actor) {
        return MeetingView.of(scheduling.update(meetingId("meetingId", meetingId), request.toEdit(), actor));
    }

    @PatchMapping("/{meetingId}/settings")
    MeetingView settings(@PathVariable String meetingId, @Valid @RequestBody UpdateSettings request, Actor actor) {
        return MeetingView.of(scheduling.updateSettings(meetingId("meetingId", meetingId), request.toEdit(), actor));
    }

    @DeleteMapping("/{meetingId}")
    @Operation(summary = "Delete now (owner)")
    ResponseEntity<Void> delete(@PathVariable String meetingId, Actor actor) {
        removal.delete(meetingId("meetingId", meetingId), actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/cancel")
    MeetingView cancel(@PathVariable String meetingId, Actor actor) {
        return MeetingView.of(removal.cancel(meetingId("meetingId", meetingId), actor));
    }
}
