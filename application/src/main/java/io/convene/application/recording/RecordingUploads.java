package io.convene.application.recording;

import io.convene.domain.recording.RecordingEvent;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnavailableException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.recording.Recording;
import io.convene.domain.recording.RecordingChunk;
import io.convene.domain.recording.RecordingId;
import io.convene.domain.recording.RecordingStatus;
import io.convene.domain.recording.RecordingStorage;
import io.convene.domain.recording.RecordingStorage.StorageUnavailableException;
import io.convene.domain.recording.Recordings;
import io.convene.processes.recording.RecordingFinalisationGateway;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The recorder's uploads: a chunk is streamed to object storage as it arrives (never whole in
 * memory), its SHA-256 (and MD5 when the recorder sent one) computed on the way and checked against the checksum the
 * recorder sent; only then is it acknowledged, in one transaction with its recording (made by
 * the first chunk, which starts the recording-finalisation process) and the message that
 * restarts the quiet period. A chunk whose checksum does not match is deleted: nothing is stored.
 * Per sequence the upload is idempotent: the same bytes again are 200, other bytes 409.
 * No transaction is held while the bytes flow.
 */
@Service
@EnableConfigurationProperties(RecordingProperties.class)
public class RecordingUploads {

    /** The request headers a chunk's metadata comes in; the fields of 400 problems. */
    public static final String DURATION_HEADER = "X-Chunk-Duration-Ms";
    public static final String MD5_HEADER = "Content-MD5";
    public static final String SHA256_HEADER = "X-Checksum-SHA256";

    static final int MAX_SEQUENCE = 999_999;
    private static final long MAX_DURATION_MS = 24L * 3600 * 1000;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MANIFEST_KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99})?");
    private static final Logger log = LoggerFactory.getLogger(RecordingUploads.class);

    /** One chunk as the request carries it; {@code contentLength} -1 when the body is chunked. */
    public record ChunkUpload(InputStream body, long contentLength, String contentType, String durationMs,
                              String contentMd5, String sha256) {}

    /** The acknowledged chunk; {@code created} false when the same bytes were there already. */
    public record ChunkReceipt(String recordingId, int sequence, long sizeBytes, long durationMs, String sha256,
                               String md5, boolean created) {}

    private final Recordings recordings;
    private final RecordingPolicy policy;
    private final RecordingStorage storage;
    private final RecordingFinalisationGateway finalisation;
    private final RecordingReads reads;
    private final EventOutbox outbox;
    private final RecordingProperties properties;
    private final UnitOfWork work;
    private final Clock clock;

    RecordingUploads(Recordings recordings, RecordingPolicy policy, RecordingStorage storage,
                     RecordingFinalisationGateway finalisation, RecordingReads reads, EventOutbox outbox,
                     RecordingProperties properties, UnitOfWork work, Clock clock) {
        this.recordings = recordings;
        this.policy = policy;
        this.storage = storage;
        this.finalisation = finalisation;
        this.reads = reads;
        this.outbox = outbox;
        this.properties = properties;
        this.work = work;
        this.clock = clock;
    }

    private record Expected(String md5Hex, String sha256Hex) {}

    private record Plan(String ownerId, Optional<Recording> recording, Optional<RecordingChunk> existing) {}

    private enum Outcome { CREATED, SAME_BYTES, OTHER_BYTES, CLOSED }

    public ChunkReceipt upload(MeetingId meetingId, String sequenceText, ChunkUpload upload, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        int sequence = sequence(sequenceText, errors);
        long durationMs = duration(upload.durationMs(), errors);
        Expected expected = expected(upload, errors);
        InvalidInputException.throwIfAny(errors);
        long cap = properties.maxChunkSize().toBytes();
        if (upload.contentLength() > cap) {
            throw new ChunkTooLargeException(cap);
        }
        String contentType = mediaType(upload.contentType());

        Plan plan = work.read(() -> {
            Meeting meeting = policy.uploadable(meetingId, actor);
            if (!meeting.recordingEnabled()) {
                throw new ConflictException("Recording is not enabled on this meeting.");
            }
            Optional<Recording> recording = recordings.ofMeeting(meetingId);
            recording.filter(r -> !r.acceptsUploads()).ifPresent(RecordingUploads::refuse);
            return new Plan(meeting.createdBy(), recording,
                    recording.flatMap(r -> recordings.chunk(r.id(), sequence)));
        });
        if (plan.existing().isPresent()) {
            return again(plan.existing().get(), upload, expected, cap);
        }

        RecordingId recordingId = plan.recording().map(Recording::id).orElseGet(RecordingId::newId);
        String prefix = plan.recording().map(Recording::storagePrefix).orElse(Recording.prefixOf(meetingId, recordingId));
        String key = prefix + "chunk-%06d-%s".formatted(sequence, UUID.randomUUID().toString().substring(0, 8));
        ChunkStream chunk = new ChunkStream(upload.body(), cap, expected.md5Hex() != null);
        store(key, chunk, upload.contentLength(), contentType);
        String sha256 = chunk.sha256Hex();
        String md5 = chunk.md5Hex();
        FieldError mismatch = mismatch(expected, sha256, md5);
        if (mismatch != null) {
            deleteQuietly(key);
            throw new InvalidInputException(List.of(mismatch));
        }

        Instant now = clock.instant();
        RecordingChunk received = new RecordingChunk(recordingId, sequence, key, chunk.count(), durationMs, sha256, md5,
                contentType, actor.id(), now);
        Outcome outcome;
        try {
            outcome = work.write(() -> acknowledge(meetingId, plan.ownerId(), prefix, received, actor));
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        if (outcome != Outcome.CREATED) {
            deleteQuietly(key);
        }
        return switch (outcome) {
            case CREATED -> receipt(received, true);
            case SAME_BYTES -> receipt(received, false);
            case OTHER_BYTES -> throw otherBytes(sequence);
            case CLOSED -> throw new ConflictException("The recording was finalised meanwhile; it takes no more chunks.");
        };
    }

    /** Names where the manifest is written (under the recording's folder), while chunks still come. */
    public RecordingReads.RecordingCard setManifestKey(MeetingId meetingId, String manifestKey, Actor actor) {
        if (manifestKey == null || !MANIFEST_KEY.matcher(manifestKey).matches() || manifestKey.contains("..")) {
            throw new InvalidInputException("manifestKey",
                    "must be a relative name of letters, digits, '.', '_', '-' (at most one '/'), e.g. session-42.json");
        }
        work.run(() -> {
            policy.uploadable(meetingId, actor);
            Recording recording = recordings.lockOfMeeting(meetingId)
                    .orElseThrow(() -> new ConflictException("No recording yet: upload its first chunk, then name its manifest."));
            if (!recording.acceptsUploads()) {
                refuse(recording);
            }
            recordings.setManifestKey(recording.id(), manifestKey);
        });
        return reads.card(meetingId, actor);
    }

    private Outcome acknowledge(MeetingId meetingId, String ownerId, String prefix, RecordingChunk received, Actor actor) {
        Recording recording = recordings.lockOfMeeting(meetingId).orElse(null);
        boolean first = false;
        if (recording == null) {
            Recording started = new Recording(received.recordingId(), meetingId, ownerId, actor.id(),
                    received.uploadedAt(), received.uploadedAt(), RecordingStatus.RECORDING, format(received.contentType()),
                    prefix, Recording.DEFAULT_MANIFEST_KEY, 0, 0, 0, null, null, null);
            first = recordings.add(started);
            recording = recordings.lockOfMeeting(meetingId).orElseThrow();
        }
        if (!recording.acceptsUploads()) {
            return Outcome.CLOSED;
        }
        RecordingChunk chunk = new RecordingChunk(recording.id(), received.sequence(), received.objectKey(),
                received.sizeBytes(), received.durationMs(), received.sha256(), received.md5(), received.contentType(),
                received.uploadedBy(), received.uploadedAt());
        RecordingChunk stored = recordings.addChunk(chunk);
        if (!stored.objectKey().equals(chunk.objectKey())) { // another upload of this sequence won
            return stored.sameBytes(chunk.sizeBytes(), chunk.sha256()) ? Outcome.SAME_BYTES : Outcome.OTHER_BYTES;
        }
        if (first) {
            finalisation.started(recording.id().value(), meetingId.value());
            outbox.append(new RecordingEvent.Started(recording.id().value(), meetingId, actor.id(),
                    received.uploadedAt(), recording.format()));
        } else {
            finalisation.chunkUploaded(recording.id().value());
        }
        return Outcome.CREATED;
    }

    /** A sequence that is there already: the same bytes again are fine (200), other bytes are not (409). */
    private ChunkReceipt again(RecordingChunk existing, ChunkUpload upload, Expected expected, long cap) {
        if (expected.sha256Hex() != null && !expected.sha256Hex().equals(existing.sha256())
                || expected.md5Hex() != null && existing.md5() != null && !expected.md5Hex().equals(existing.md5())) {
            throw otherBytes(existing.sequence());
        }
        ChunkStream chunk = new ChunkStream(upload.body(), cap, expected.md5Hex() != null);
        try {
            chunk.drain();
        } catch (IOException e) {
            throw chunk.overCap() ? new ChunkTooLargeException(cap)
                    : new InvalidInputException("body", "could not be read to its end: " + e.getMessage());
        }
        String sha256 = chunk.sha256Hex();
        FieldError mismatch = mismatch(expected, sha256, chunk.md5Hex());
        if (mismatch != null) {
            throw new InvalidInputException(List.of(mismatch));
        }
        if (!existing.sameBytes(chunk.count(), sha256)) {
            throw otherBytes(existing.sequence());
        }
        return receipt(existing, false);
    }

    private void store(String key, ChunkStream chunk, long contentLength, String contentType) {
        try {
            storage.put(key, chunk.stream(), contentLength, contentType);
        } catch (RuntimeException e) {
            deleteQuietly(key);
            long cap = properties.maxChunkSize().toBytes();
            if (chunk.overCap()) {
                throw new ChunkTooLargeException(cap);
            }
            if (chunk.bodyFailed() || contentLength >= 0 && chunk.count() < contentLength) {
                throw new InvalidInputException("body", "ended after " + chunk.count() + " bytes; nothing was stored");
            }
            if (e instanceof StorageUnavailableException) {
                throw new UnavailableException("Object storage is not reachable; nothing was stored, upload the chunk again.", e);
            }
            throw e;
        }
        if (contentLength >= 0 && chunk.count() != contentLength) {
            deleteQuietly(key);
            throw new InvalidInputException("body", "has " + chunk.count() + " bytes, Content-Length said " + contentLength);
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not delete the refused upload {} (the recording's deletion removes its folder): {}", key,
                    e.getMessage());
        }
    }

    private static void refuse(Recording recording) {
        throw new ConflictException("The recording is " + (recording.status() == RecordingStatus.DELETED
                ? "being deleted" : recording.status().label()) + "; it takes no more chunks.");
    }

    private static ConflictException otherBytes(int sequence) {
        return new ConflictException("Chunk " + sequence + " was uploaded already with other bytes.");
    }

    private static ChunkReceipt receipt(RecordingChunk chunk, boolean created) {
        return new ChunkReceipt(chunk.recordingId().value(), chunk.sequence(), chunk.sizeBytes(), chunk.durationMs(),
                chunk.sha256(), chunk.md5(), created);
    }

    private static FieldError mismatch(Expected expected, String sha256, String md5) {
        if (expected.sha256Hex() != null && !expected.sha256Hex().equals(sha256)) {
            return new FieldError(SHA256_HEADER, "does not match the body (its SHA-256 is " + sha256 + "); nothing was stored");
        }
        if (expected.md5Hex() != null && !expected.md5Hex().equals(md5)) {
            return new FieldError(MD5_HEADER, "does not match the body; nothing was stored");
        }
        return null;
    }

    private static int sequence(String text, List<FieldError> errors) {
        try {
            int sequence = Integer.parseInt(text);
            if (sequence >= 0 && sequence <= MAX_SEQUENCE) {
                return sequence;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError("sequence", "must be a whole number from 0 to " + MAX_SEQUENCE + " (the first chunk is 0)"));
        return -1;
    }

    private static long duration(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(DURATION_HEADER, "is required: the chunk's media duration in milliseconds"));
            return -1;
        }
        try {
            long ms = Long.parseLong(text.trim());
            if (ms >= 0 && ms <= MAX_DURATION_MS) {
                return ms;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(DURATION_HEADER, "must be milliseconds from 0 to " + MAX_DURATION_MS));
        return -1;
    }

    private static Expected expected(ChunkUpload upload, List<FieldError> errors) {
        String md5 = null;
        String sha256 = null;
        if (upload.contentMd5() != null) {
            try {
                byte[] digest = Base64.getDecoder().decode(upload.contentMd5().trim());
                if (digest.length == 16) {
                    md5 = HexFormat.of().formatHex(digest);
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
            if (md5 == null) {
                errors.add(new FieldError(MD5_HEADER, "must be the base64 of the chunk's 16-byte MD5 (RFC 1864)"));
            }
        }
        if (upload.sha256() != null) {
            if (HEX_SHA256.matcher(upload.sha256().trim()).matches()) {
                sha256 = upload.sha256().trim().toLowerCase();
            } else {
                errors.add(new FieldError(SHA256_HEADER, "must be the chunk's SHA-256 as 64 hex digits"));
            }
        }
        if (upload.contentMd5() == null && upload.sha256() == null) {
            errors.add(new FieldError(SHA256_HEADER, "a checksum is required: " + SHA256_HEADER + " (hex SHA-256) or "
                    + MD5_HEADER + " (base64 MD5)"));
        }
        return new Expected(md5, sha256);
    }

    /** The recording's format from its first chunk's media type: video/webm → webm (seed 002's default). */
    /**
     * The chunk's media type as stored: the request's, unless it says nothing about the media —
     * none, or a form type (what {@code curl --data-binary} sends unless told otherwise; object
     * storage refuses a PUT labelled as a form) — then {@code application/octet-stream}.
     */
    static String mediaType(String requested) {
        if (requested == null || requested.isBlank()) {
            return "application/octet-stream";
        }
        String type = requested.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/")
                ? "application/octet-stream" : requested;
    }

    static String format(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase();
        int slash = type.indexOf('/');
        String subtype = slash < 0 ? type : type.substring(slash + 1);
        return subtype.isEmpty() || subtype.equals("octet-stream") ? "webm" : subtype;
    }
}
