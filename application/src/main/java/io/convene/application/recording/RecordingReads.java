package io.convene.application.recording;

import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.recording.Recording;
import io.convene.domain.recording.RecordingChunk;
import io.convene.domain.recording.RecordingStatus;
import io.convene.domain.recording.RecordingStorage;
import io.convene.domain.recording.Recordings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The Recording card (seed 000) and playback: a ready recording plays through time-limited
 * presigned URLs of its manifest and chunks, in order (docs/recordings.md: how a player does it).
 */
@Service
public class RecordingReads {

    /** The meeting page's Recording card. */
    public record RecordingCard(String recordingId, String meetingId, String status, int chunkCount,
                                long totalSizeBytes, long durationMs, long durationSeconds, String startedBy,
                                Instant startedAt, String format, String manifestKey, Instant readyAt,
                                String failureReason) {}

    /** One chunk to play: fetch {@code url} (until the playback's {@code expiresAt}) and append it. */
    public record PlaybackChunk(int sequence, long sizeBytes, long durationMs, long offsetMs, String sha256, String url) {}

    /** A ready recording's time-limited URLs: the manifest's and each chunk's, in order. */
    public record Playback(String recordingId, String meetingId, String format, String contentType, long durationMs,
                           Instant expiresAt, String manifestUrl, List<PlaybackChunk> chunks) {}

    private final Recordings recordings;
    private final RecordingPolicy policy;
    private final RecordingStorage storage;
    private final RecordingProperties properties;
    private final UnitOfWork work;
    private final Clock clock;

    RecordingReads(Recordings recordings, RecordingPolicy policy, RecordingStorage storage,
                   RecordingProperties properties, UnitOfWork work, Clock clock) {
        this.recordings = recordings;
        this.policy = policy;
        this.storage = storage;
        this.properties = properties;
        this.work = work;
        this.clock = clock;
    }

    public RecordingCard card(MeetingId meetingId, Actor actor) {
        return card(work.read(() -> policy.visible(meetingId, actor, true)));
    }

    /** The ready recording's playback URLs, valid for {@code convene.recordings.playback-validity}. */
    public Playback playback(MeetingId meetingId, Actor actor) {
        record Read(Recording recording, List<RecordingChunk> chunks) {}
        Read read = work.read(() -> {
            Recording recording = policy.visible(meetingId, actor, false);
            if (recording.status() != RecordingStatus.READY) {
                throw new ConflictException("The recording is " + recording.status().label() + "; it plays once it is ready.");
            }
            return new Read(recording, recordings.chunks(recording.id()));
        });
        Instant expiresAt = clock.instant().plus(properties.playbackValidity());
        List<PlaybackChunk> chunks = new ArrayList<>();
        long offset = 0;
        for (RecordingChunk chunk : read.chunks()) {
            chunks.add(new PlaybackChunk(chunk.sequence(), chunk.sizeBytes(), chunk.durationMs(), offset, chunk.sha256(),
                    storage.presignedGet(chunk.objectKey(), properties.playbackValidity()).toString()));
            offset += chunk.durationMs();
        }
        Recording r = read.recording();
        String contentType = read.chunks().isEmpty() ? null : read.chunks().get(0).contentType();
        return new Playback(r.id().value(), r.meetingId().value(), r.format(), contentType, r.durationMs(), expiresAt,
                storage.presignedGet(r.manifestObjectKey(), properties.playbackValidity()).toString(), chunks);
    }

    static RecordingCard card(Recording r) {
        return new RecordingCard(r.id().value(), r.meetingId().value(), r.status().label(), r.chunkCount(), r.sizeBytes(),
                r.durationMs(), Math.round(r.durationMs() / 1000.0), r.startedBy(), r.startedAt(), r.format(),
                r.manifestKey(), r.readyAt(), r.failureReason());
    }
}
