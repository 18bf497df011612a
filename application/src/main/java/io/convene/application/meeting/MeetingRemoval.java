package io.convene.application.meeting;

import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.meeting.CallEvent;
import io.convene.application.meeting.MeetingResults.BulkDeleteError;
import io.convene.application.meeting.MeetingResults.BulkDeleteResult;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingConflict;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.notification.Notifications;
import io.convene.processes.meeting.MeetingLifecycleGateway;
import io.convene.processes.support.ProcessInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Cancelling and deleting meetings, one at a time or in bulk with partial success. */
@Service
public class MeetingRemoval {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingReminders reminders;
    private final Notifications notifications;
    private final MeetingLifecycleGateway lifecycle;
    private final ProcessInstances processes;
    private final MeetingCleanup cleanup;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Attendance attendance;

    MeetingRemoval(Meetings meetings, MeetingPolicy policy, MeetingReminders reminders, Notifications notifications,
                   MeetingLifecycleGateway lifecycle, ProcessInstances processes, MeetingCleanup cleanup,
                   EventOutbox outbox, UnitOfWork work, Attendance attendance) {
        this.attendance = attendance;
        this.cleanup = cleanup;
        this.meetings = meetings;
        this.policy = policy;
        this.reminders = reminders;
        this.notifications = notifications;
        this.lifecycle = lifecycle;
        this.processes = processes;
        this.outbox = outbox;
        this.work = work;
    }

    public Meeting cancel(MeetingId id, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.END);
            meeting.cancel();
            Meeting saved = meetings.save(meeting);
            reminders.withdraw(saved.id());
            outbox.append(new MeetingEvent.Cancelled(id, actor.id(), MeetingTransitions.participantIds(saved)));
            lifecycle.cancelled(id.value());
            return saved;
        });
    }

    /**
     * Seed 002's {@code DELETE /api/meetings/:id}, "Cancel meeting (owner only)": a scheduled
     * meeting is cancelled (and kept, {@code cancelled}); one in progress is ended for everyone (the
     * host's End); one already cancelled or ended is deleted for good. Empty when it was deleted.
     */
    public java.util.Optional<Meeting> cancelOrDelete(MeetingId id, Actor actor) {
        Meeting meeting = work.read(() -> policy.visibleMeeting(id, actor));
        return switch (meeting.status()) {
            case SCHEDULED -> java.util.Optional.of(cancel(id, actor));
            case IN_PROGRESS -> java.util.Optional.of(attendance.end(id, actor));
            case ENDED, CANCELLED -> {
                delete(id, actor);
                yield java.util.Optional.empty();
            }
        };
    }

    /**
     * Deletes now (owner): the meeting, its process, its transient notices. The event names who
     * was in it ({@code participantIds}): once it is routed, the meeting is gone.
     */
    public void delete(MeetingId id, Actor actor) {
        work.run(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.DELETE);
            notifications.deleteTransient(id.value());
            meetings.delete(meeting);
            processes.deleteAll(id.value(), "meeting deleted by its owner"); // call-ring children go with them
            outbox.append(new MeetingEvent.Deleted(id, actor.id(), MeetingTransitions.participantIds(meeting)));
        });
    }

    /**
     * Deletes a call now (its owner or an org admin; seed 002's bulk delete names {@code call_} ids):
     * one still running ends first, so its call-log summary stays; its process ends.
     */
    public void deleteCall(MeetingId id, Actor actor) {
        work.run(() -> {
            Meeting call = policy.visible(id, actor);
            if (!call.isInstantCall()) {
                throw new NotFoundException("call", id);
            }
            policy.require(call, actor, MeetingPermission.DELETE);
            cleanup.cleanUp(id); // one still running ends first (call.ended: its rings stop and count as cancelled)
            processes.deleteAll(id.value(), "call deleted by its owner"); // its call-ring children go with it
            outbox.append(new CallEvent.Deleted(id, actor.id(), MeetingTransitions.participantIds(call)));
        });
    }

    /** Each meeting or call in its own transaction: one failure does not undo the others (seed 002, Final Q3). */
    public BulkDeleteResult bulkDelete(List<String> meetingIds, Actor actor) {
        int deleted = 0;
        List<BulkDeleteError> errors = new ArrayList<>();
        for (String id : meetingIds.stream().distinct().toList()) {
            if (!MeetingId.isValid(id)) {
                errors.add(new BulkDeleteError(id, "Malformed id"));
                continue;
            }
            try {
                MeetingId meetingId = new MeetingId(id);
                if (meetingId.isCall()) {
                    deleteCall(meetingId, actor);
                } else {
                    delete(meetingId, actor);
                }
                deleted++;
            } catch (NotFoundException e) {
                errors.add(new BulkDeleteError(id, "Not found"));
            } catch (ForbiddenException e) {
                errors.add(new BulkDeleteError(id, "Not owner"));
            } catch (MeetingConflict | OptimisticLockingFailureException | OptimisticLockingException e) {
                errors.add(new BulkDeleteError(id, "Changed meanwhile; try again"));
            } catch (RuntimeException e) {
                // keep going: the ones before are deleted, the caller must learn which failed
                errors.add(new BulkDeleteError(id, "Could not be deleted: " + e.getClass().getSimpleName()));
            }
        }
        return new BulkDeleteResult(deleted, errors.size(), errors);
    }
}
