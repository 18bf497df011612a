package io.convene.domain.recording;

import java.time.Instant;

/**
 * One acknowledged chunk: stored under {@code objectKey} with this size and these checksums
 * (computed while it streamed in; {@code md5} only when the recorder sent Content-MD5, else null),
 * {@code durationMs} of media as the recorder said.
 */
public record RecordingChunk(RecordingId recordingId, int sequence, String objectKey, long sizeBytes, long durationMs,
                             String sha256, String md5, String contentType, String uploadedBy, Instant uploadedAt) {

    /** True when {@code other} holds the same bytes (same size and SHA-256). */
    public boolean sameBytes(long size, String sha256Hex) {
        return sizeBytes == size && sha256.equals(sha256Hex);
    }
}
