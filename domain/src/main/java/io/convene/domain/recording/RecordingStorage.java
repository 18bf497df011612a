package io.convene.domain.recording;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where recordings' bytes live: an S3-compatible bucket (the integration module's MinIO adapter).
 * Every method talks to the network: callers hold no database transaction while they call it.
 * A storage that cannot be reached throws {@link StorageUnavailableException}; an object that is
 * not there is an empty answer, not an error.
 */
public interface RecordingStorage {

    /**
     * Streams {@code in} to {@code key}: {@code size} bytes, or an unknown amount ({@code -1}),
     * sent in parts as it is read, never held whole in memory.
     */
    void put(String key, InputStream in, long size, String contentType);

    /** The object's size, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** The object's bytes, streamed; empty when there is no such object. Close it. */
    Optional<InputStream> open(String key);

    /** Deletes the object; nothing happens when it is not there. */
    void delete(String key);

    /** Deletes every object under {@code prefix}; returns how many. */
    int deleteAll(String prefix);

    /** A URL that reads the object without credentials for {@code validity} (a presigned GET). */
    URI presignedGet(String key, Duration validity);

    /** The storage could not be reached or answered with an error: try again later. */
    class StorageUnavailableException extends RuntimeException {
        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
