package io.convene.domain.recording;

import io.convene.domain.meeting.MeetingId;
import java.time.Instant;

/**
 * A meeting's recording (seed 002 Open Question 10's {@code meeting_recordings}): who started it and
 * when, its chunks' totals, where its objects live ({@code storagePrefix} in the bucket, the manifest
 * at {@code storagePrefix + manifestKey}), its format and status. One per meeting; it outlives the
 * meeting's cleanup and goes with its retention or its owner's delete.
 */
public record Recording(RecordingId id, MeetingId meetingId, String ownerId, String startedBy, Instant startedAt,
                        Instant lastChunkAt, RecordingStatus status, String format, String storagePrefix,
                        String manifestKey, int chunkCount, long sizeBytes, long durationMs, String failureReason,
                        Instant readyAt, Instant endedAt) {

    public static final String DEFAULT_MANIFEST_KEY = "manifest.json";

    /** The bucket's folder of a recording: everything of it lives under this prefix. */
    public static String prefixOf(MeetingId meetingId, RecordingId id) {
        return "recordings/" + meetingId.value() + "/" + id.value() + "/";
    }

    public boolean acceptsUploads() {
        return status == RecordingStatus.RECORDING;
    }

    public String manifestObjectKey() {
        return storagePrefix + manifestKey;
    }

    /** The object key of a new upload of chunk {@code sequence}; {@code attempt} keeps racing uploads apart. */
    public String chunkObjectKey(int sequence, String attempt) {
        return storagePrefix + "chunk-%06d-%s".formatted(sequence, attempt);
    }
}
