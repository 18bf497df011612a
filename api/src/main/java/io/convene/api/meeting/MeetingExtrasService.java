package io.convene.api.meeting;

import io.convene.api.meeting.MeetingViews.BulkDeleteError;
import io.convene.api.meeting.MeetingViews.BulkDeleteResult;
import io.convene.api.meeting.MeetingViews.ChatMessageView;
import io.convene.api.meeting.MeetingViews.Preview;
import io.convene.api.meeting.MeetingViews.PreviewParticipant;
import io.convene.api.error.ForbiddenException;
import io.convene.api.error.NotFoundException;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.ChatMessages;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingConflict;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bulk delete with partial success, the preview, and the in-meeting chat. */
@Service
class MeetingExtrasService {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingService meetingService;
    private final ChatMessages chat;
    private final Clock clock;
    private final ConcurrentChangeRetry retry;

    MeetingExtrasService(Meetings meetings, MeetingPolicy policy, MeetingService meetingService, ChatMessages chat,
                         Clock clock, ConcurrentChangeRetry retry) {
        this.retry = retry;
        this.meetings = meetings;
        this.policy = policy;
        this.meetingService = meetingService;
        this.chat = chat;
        this.clock = clock;
    }

    /** Each meeting in its own transaction: one failure does not undo the others (seed 002, Final Q3). */
    BulkDeleteResult bulkDelete(List<String> meetingIds, CurrentUser user) {
        int deleted = 0;
        List<BulkDeleteError> errors = new ArrayList<>();
        for (String id : meetingIds.stream().distinct().toList()) {
            if (!MeetingId.isValid(id)) {
                errors.add(new BulkDeleteError(id, "Malformed id"));
                continue;
            }
            try {
                retry.run(() -> {
                    meetingService.delete(id, user);
                    return null;
                });
                deleted++;
            } catch (NotFoundException e) {
                errors.add(new BulkDeleteError(id, "Not found"));
            } catch (ForbiddenException e) {
                errors.add(new BulkDeleteError(id, "Not owner"));
            } catch (MeetingConflict | org.springframework.dao.OptimisticLockingFailureException
                     | org.camunda.bpm.engine.OptimisticLockingException e) {
                errors.add(new BulkDeleteError(id, "Changed meanwhile; try again"));
            } catch (RuntimeException e) {
                // keep going: the ones before are deleted, the caller must learn which failed
                errors.add(new BulkDeleteError(id, "Could not be deleted: " + e.getClass().getSimpleName()));
            }
        }
        return new BulkDeleteResult(deleted, errors.size(), errors);
    }

    @Transactional(readOnly = true)
    Preview preview(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        List<PreviewParticipant> active = meeting.participants().stream().filter(Participant::isPresent)
                .map(p -> new PreviewParticipant(p.userId(), p.displayName())).toList();
        return new Preview(meeting.id(), meeting.title(), MeetingViews.lower(meeting.status()), meeting.startTime(),
                active.size(), active);
    }

    @Transactional(readOnly = true)
    List<ChatMessageView> chat(String meetingId, Long before, int size, CurrentUser user) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        policy.requireParticipant(meeting, user);
        return chat.page(meeting.id(), before, size).stream()
                .map(m -> new ChatMessageView(m.id(), m.userId(), m.displayName(), m.body(), m.sentAt())).toList();
    }

    @Transactional
    ChatMessageView post(String meetingId, String body, CurrentUser user) {
        Meeting meeting = policy.visible(meetings.findById(meetingId), meetingId, user);
        Participant participant = policy.requireParticipant(meeting, user);
        var message = chat.post(meeting.id(), user.id(), participant.displayName(), body.trim(), clock.instant());
        return new ChatMessageView(message.id(), message.userId(), message.displayName(), message.body(), message.sentAt());
    }
}
