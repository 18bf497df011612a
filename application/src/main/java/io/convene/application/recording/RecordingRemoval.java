package io.convene.application.recording;

import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.recording.Recording;
import io.convene.domain.recording.Recordings;
import io.convene.processes.recording.RecordingFinalisationGateway;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Its owner deletes a recording, at any time: it is hidden at once (uploads get 409, the card
 * 404), and its process deletes the objects and then the row in a job of its own (storage is
 * not called while the request's transaction is open).
 */
@Service
public class RecordingRemoval {

    private final Recordings recordings;
    private final RecordingPolicy policy;
    private final RecordingFinalisationGateway finalisation;
    private final UnitOfWork work;
    private final Clock clock;

    RecordingRemoval(Recordings recordings, RecordingPolicy policy, RecordingFinalisationGateway finalisation,
                     UnitOfWork work, Clock clock) {
        this.recordings = recordings;
        this.policy = policy;
        this.finalisation = finalisation;
        this.work = work;
        this.clock = clock;
    }

    public void delete(MeetingId meetingId, Actor actor) {
        work.run(() -> {
            Recording recording = policy.deletable(meetingId, actor);
            recordings.lock(recording.id());
            recordings.markDeleted(recording.id(), clock.instant());
            finalisation.deletedByOwner(recording.id().value());
        });
    }
}
