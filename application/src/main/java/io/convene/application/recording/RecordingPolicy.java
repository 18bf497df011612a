package io.convene.application.recording;

import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.recording.Recording;
import io.convene.domain.recording.RecordingStatus;
import io.convene.domain.recording.Recordings;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a meeting's recording — the one place this is decided.
 * <ul>
 *   <li>upload (chunks, the manifest key): the meeting's owner and managers, org admins, and the
 *       recorder's service account (realm role {@code recorder}); other participants get 403;</li>
 *   <li>see the card and play it back: the meeting's participants and org admins — once the
 *       meeting is cleaned up, those of its call-log summary; the recorder sees the card;</li>
 *   <li>delete: the meeting's owner (as it was when the recording started) and org admins.</li>
 * </ul>
 * Everyone else gets 404: for them neither the meeting nor its recording exists.
 */
@Component
class RecordingPolicy {

    private final Meetings meetings;
    private final MeetingPolicy meetingPolicy;
    private final MeetingSummaries summaries;
    private final Recordings recordings;
    private final RecordingProperties properties;

    RecordingPolicy(Meetings meetings, MeetingPolicy meetingPolicy, MeetingSummaries summaries, Recordings recordings,
                    RecordingProperties properties) {
        this.meetings = meetings;
        this.meetingPolicy = meetingPolicy;
        this.summaries = summaries;
        this.recordings = recordings;
        this.properties = properties;
    }

    boolean isRecorder(Actor actor) {
        return actor.roles().contains(properties.recorderRole());
    }

    /** The meeting {@code actor} may upload its recording to, or 404 / 403. */
    Meeting uploadable(MeetingId id, Actor actor) {
        Meeting meeting = meetings.findById(id)
                .filter(m -> isRecorder(actor) || meetingPolicy.maySee(m, actor))
                .orElseThrow(() -> new NotFoundException("meeting", id));
        boolean host = meeting.participant(actor.id()).map(p -> p.role() == MeetingRole.OWNER || p.role() == MeetingRole.MANAGER)
                .orElse(false);
        if (!(host || actor.isAdmin() || isRecorder(actor))) {
            throw new ForbiddenException("Only the meeting's owner and managers, or the recorder, upload its recording.");
        }
        return meeting;
    }

    /** The meeting's recording as {@code actor} may see it (not one being deleted), or 404. */
    Recording visible(MeetingId id, Actor actor, boolean recorderToo) {
        return recordings.ofMeeting(id)
                .filter(r -> r.status() != RecordingStatus.DELETED)
                .filter(r -> r.ownerId().equals(actor.id()) || maySeeMeeting(id, actor, recorderToo))
                .orElseThrow(() -> new NotFoundException("recording of meeting", id));
    }

    /** The recording its owner (or an admin) may delete, or 404 / 403. */
    Recording deletable(MeetingId id, Actor actor) {
        Recording recording = visible(id, actor, false);
        if (!(actor.isAdmin() || recording.ownerId().equals(actor.id()))) {
            throw new ForbiddenException("Only the meeting's owner deletes its recording.");
        }
        return recording;
    }

    private boolean maySeeMeeting(MeetingId id, Actor actor, boolean recorderToo) {
        if (actor.isAdmin() || recorderToo && isRecorder(actor)) {
            return true;
        }
        return meetings.findById(id).map(m -> meetingPolicy.maySee(m, actor))
                .orElseGet(() -> summaries.find(id.value()).map(s -> s.createdBy().equals(actor.id())
                        || summaries.participants(id.value()).stream().anyMatch(p -> p.userId().equals(actor.id())))
                        .orElse(false));
    }
}
