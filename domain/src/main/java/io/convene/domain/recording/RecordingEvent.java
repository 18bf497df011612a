package io.convene.domain.recording;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import io.convene.domain.meeting.MeetingId;
import java.time.Instant;
import java.util.List;

/** What happens to a meeting's recording; keyed by the meeting. */
@EventFamily("recording")
public sealed interface RecordingEvent extends DomainEvent {

    MeetingId meetingId();

    String recordingId();

    @Override
    default String subject() {
        return meetingId().value();
    }

    @EventInfo(value = "The first chunk of a recording arrived.")
    record Started(String recordingId, MeetingId meetingId, String startedBy, Instant startedAt, String format)
            implements RecordingEvent {}

    @EventInfo(value = "A recording is verified and its manifest written: it can be played.", webhook = true)
    record Ready(String recordingId, MeetingId meetingId, String status, int chunkCount, long sizeBytes,
                 long durationMs, String format, String manifestKey, Instant readyAt, List<String> participantIds)
            implements RecordingEvent {}

    @EventInfo("A recording could not be finalised (chunks missing or corrupt); its owner is told.")
    record Failed(String recordingId, MeetingId meetingId, String reason, String ownerId) implements RecordingEvent {}

    @EventInfo("A recording was deleted (its retention ended, or its owner deleted it).")
    record Deleted(String recordingId, MeetingId meetingId) implements RecordingEvent {}
}
