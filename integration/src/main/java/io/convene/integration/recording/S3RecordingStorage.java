package io.convene.integration.recording;

import io.convene.domain.recording.RecordingStorage;
import io.convene.integration.storage.ObjectStorage;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Recordings' bytes in the S3-compatible bucket, through the MinIO client ({@link ObjectStorage}):
 * chunks streamed in parts, objects read back streamed, presigned GETs for playback. Every error
 * but "no such object" means the storage is unavailable for now.
 */
@Component
class S3RecordingStorage implements RecordingStorage {

    private final ObjectStorage storage;

    S3RecordingStorage(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public void put(String key, InputStream in, long size, String contentType) {
        call("storing " + key, () -> {
            storage.put(key, in, size, contentType);
            return null;
        });
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(call("reading the size of " + key, () -> storage.sizeIfExists(key)));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(call("reading " + key, () -> storage.getIfExists(key)));
    }

    @Override
    public void delete(String key) {
        call("deleting " + key, () -> {
            storage.delete(key);
            return null;
        });
    }

    @Override
    public int deleteAll(String prefix) {
        return call("deleting everything under " + prefix, () -> storage.deleteAll(prefix));
    }

    @Override
    public URI presignedGet(String key, Duration validity) {
        return URI.create(call("presigning " + key, () -> storage.presignedGet(key, validity)));
    }

    private interface StorageCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(String what, StorageCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new StorageUnavailableException(what + " failed: " + e.getMessage(), e);
        }
    }
}
