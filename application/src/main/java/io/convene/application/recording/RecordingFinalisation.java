package io.convene.application.recording;

import io.convene.domain.recording.RecordingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.domain.recording.Recording;
import io.convene.domain.recording.RecordingChunk;
import io.convene.domain.recording.RecordingId;
import io.convene.domain.recording.RecordingStatus;
import io.convene.domain.recording.RecordingStorage;
import io.convene.domain.recording.Recordings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What the recording-finalisation process does, one method per task. The storage steps (verify,
 * manifest, delete) run in jobs of their own and hold no database transaction while they talk to
 * storage: an unreachable storage throws, the job is retried on the model's back-off and ends as
 * an incident. Every step is safe to run twice.
 */
@Service
public class RecordingFinalisation {

    static final String FAILED_NOTICE = "recording.failed";

    private final Recordings recordings;
    private final RecordingStorage storage;
    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;

    RecordingFinalisation(Recordings recordings, RecordingStorage storage, Meetings meetings, MeetingSummaries summaries,
                          Notifications notifications, EventOutbox outbox, ObjectMapper json, UnitOfWork work, Clock clock) {
        this.recordings = recordings;
        this.storage = storage;
        this.meetings = meetings;
        this.summaries = summaries;
        this.notifications = notifications;
        this.outbox = outbox;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    /** The quiet period passed or the meeting ended: no more chunks; the recording is processing. */
    public void closeUploads(RecordingId id) {
        work.run(() -> recordings.lock(id).ifPresent(r ->
                recordings.move(id, RecordingStatus.RECORDING, RecordingStatus.PROCESSING, clock.instant())));
    }

    /**
     * Checks the chunks in storage against what was acknowledged: a contiguous sequence from 0, each
     * object there with the acknowledged size and SHA-256 (read back whole, streamed). Returns why
     * the recording cannot be used, or empty when it can (or when it is being deleted).
     */
    public Optional<String> verify(RecordingId id) {
        record Read(Recording recording, List<RecordingChunk> chunks) {}
        Read read = work.read(() -> recordings.find(id).map(r -> new Read(r, recordings.chunks(id))).orElse(null));
        if (read == null || read.recording().status() != RecordingStatus.PROCESSING) {
            return Optional.empty();
        }
        List<RecordingChunk> chunks = read.chunks();
        if (chunks.isEmpty()) {
            return Optional.of("no chunk was uploaded");
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).sequence() != i) {
                return Optional.of("chunk " + i + " is missing: the chunks uploaded are not contiguous from 0 (next is "
                        + chunks.get(i).sequence() + ")");
            }
        }
        for (RecordingChunk chunk : chunks) {
            Optional<Long> size = storage.size(chunk.objectKey());
            if (size.isEmpty()) {
                return Optional.of("chunk " + chunk.sequence() + " is missing from storage (" + chunk.objectKey() + ")");
            }
            if (size.get() != chunk.sizeBytes()) {
                return Optional.of("chunk " + chunk.sequence() + " has " + size.get() + " bytes in storage; "
                        + chunk.sizeBytes() + " were acknowledged");
            }
            String sha256 = sha256(chunk.objectKey());
            if (sha256 == null) {
                return Optional.of("chunk " + chunk.sequence() + " is missing from storage (" + chunk.objectKey() + ")");
            }
            if (!sha256.equals(chunk.sha256())) {
                return Optional.of("chunk " + chunk.sequence() + " is corrupt: its SHA-256 in storage is " + sha256
                        + ", " + chunk.sha256() + " was acknowledged");
            }
        }
        return Optional.empty();
    }

    /** Writes the manifest (the chunks in order: sizes, durations, offsets, checksums) next to the chunks. */
    public void writeManifest(RecordingId id) {
        record Read(Recording recording, List<RecordingChunk> chunks) {}
        Read read = work.read(() -> recordings.find(id).map(r -> new Read(r, recordings.chunks(id))).orElse(null));
        if (read == null || read.recording().status() != RecordingStatus.PROCESSING) {
            return;
        }
        byte[] manifest = manifest(read.recording(), read.chunks());
        storage.put(read.recording().manifestObjectKey(), new ByteArrayInputStream(manifest), manifest.length,
                "application/json");
    }

    /** The manifest is written: the recording is ready; {@code recording.ready} goes to Kafka, webhooks and sockets. */
    public void markReady(RecordingId id) {
        work.run(() -> {
            Instant now = clock.instant();
            if (!recordings.markReady(id, now)) {
                return; // ready already (a retried job), or deleted meanwhile
            }
            Recording r = recordings.find(id).orElseThrow();
            outbox.append(new RecordingEvent.Ready(r.id().value(), r.meetingId(), r.status().label(), r.chunkCount(),
                    r.sizeBytes(), r.durationMs(), r.format(), r.manifestKey(), now, participantIds(r)));
        });
    }

    /** Chunks missing or corrupt: the recording failed with {@code reason}; its owner is told. */
    public void markFailed(RecordingId id, String reason) {
        work.run(() -> {
            Instant now = clock.instant();
            if (!recordings.markFailed(id, reason, now)) {
                return;
            }
            Recording r = recordings.find(id).orElseThrow();
            notifications.addOrRenew(r.ownerId(), FAILED_NOTICE, r.meetingId().value(), "A recording could not be finalised",
                    Map.of("recordingId", r.id().value(), "reason", reason), now, null);
            outbox.append(new RecordingEvent.Failed(r.id().value(), r.meetingId(), reason, r.ownerId()));
        });
    }

    /** Retention over, or its owner deleted it: its objects go, then the row. */
    public void delete(RecordingId id, MeetingId meetingId) {
        record Read(Recording recording, List<RecordingChunk> chunks) {}
        Read read = work.read(() -> recordings.find(id).map(r -> new Read(r, recordings.chunks(id))).orElse(null));
        if (read != null) {
            read.chunks().forEach(chunk -> storage.delete(chunk.objectKey()));
            storage.delete(read.recording().manifestObjectKey());
        }
        storage.deleteAll(Recording.prefixOf(meetingId, id)); // uploads that were refused and not deleted
        work.run(() -> {
            if (recordings.find(id).isPresent()) {
                recordings.delete(id);
                notifications.withdraw(meetingId.value(), List.of(FAILED_NOTICE)); // about a recording that is gone
                outbox.append(new RecordingEvent.Deleted(id.value(), meetingId));
            }
        });
    }

    /** Who hears of a ready recording: the meeting's participants, or its summary's once it is cleaned up. */
    private List<String> participantIds(Recording r) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(r.ownerId());
        meetings.findById(r.meetingId()).ifPresentOrElse(
                m -> m.participants().stream().map(Participant::userId).forEach(ids::add),
                () -> summaries.participants(r.meetingId().value()).forEach(p -> ids.add(p.userId())));
        return new ArrayList<>(ids);
    }

    private byte[] manifest(Recording r, List<RecordingChunk> chunks) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("recordingId", r.id().value());
        manifest.put("meetingId", r.meetingId().value());
        manifest.put("format", r.format());
        manifest.put("contentType", chunks.get(0).contentType());
        manifest.put("chunkCount", chunks.size());
        manifest.put("sizeBytes", chunks.stream().mapToLong(RecordingChunk::sizeBytes).sum());
        manifest.put("durationMs", chunks.stream().mapToLong(RecordingChunk::durationMs).sum());
        manifest.put("startedAt", r.startedAt().toString());
        List<Map<String, Object>> list = new ArrayList<>();
        long offset = 0;
        for (RecordingChunk chunk : chunks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sequence", chunk.sequence());
            entry.put("key", chunk.objectKey());
            entry.put("sizeBytes", chunk.sizeBytes());
            entry.put("durationMs", chunk.durationMs());
            entry.put("offsetMs", offset);
            entry.put("sha256", chunk.sha256());
            if (chunk.md5() != null) {
                entry.put("md5", chunk.md5());
            }
            list.add(entry);
            offset += chunk.durationMs();
        }
        manifest.put("chunks", list);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest not serialisable", e);
        }
    }

    /** The object's SHA-256, streamed; null when it is not there. */
    private String sha256(String key) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Optional<InputStream> object = storage.open(key);
        if (object.isEmpty()) {
            return null;
        }
        try (InputStream in = new DigestInputStream(object.get(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new RecordingStorage.StorageUnavailableException("reading " + key + " failed: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
