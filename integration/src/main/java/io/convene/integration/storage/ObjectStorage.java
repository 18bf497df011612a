package io.convene.integration.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.Http;
import io.minio.messages.Item;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Objects under one bucket, through the MinIO client. Uploads are streamed in
 * parts, never held whole in memory. The bucket is created on first use.
 */
@Component
public class ObjectStorage {

    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final long MAX_PARTS = 10_000;
    private final MinioClient client;
    private final StorageProperties properties;
    private volatile boolean bucketReady;

    ObjectStorage(MinioClient client, StorageProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * Stores {@code size} bytes (or an unknown amount, size = -1) from {@code in} under {@code key},
     * read and sent one part ({@code convene.storage.part-size}) at a time: an object of any size
     * costs a few parts of memory (the client reads the next part while one is sent).
     */
    public void put(String key, InputStream in, long size, String contentType) throws Exception {
        ensureBucket();
        client.putObject(PutObjectArgs.builder()
                .bucket(properties.bucket())
                .object(key)
                .stream(in, size, partSize(size))
                .contentType(contentType)
                .build());
    }

    private long partSize(long size) {
        long part = Math.max(properties.partSize().toBytes(), MIN_PART_SIZE);
        // at most 10,000 parts: a huge known size needs bigger ones (the client's own rule)
        return size > part * MAX_PARTS ? -1 : part;
    }

    /** The object's size, or null when there is no such object. */
    public Long sizeIfExists(String key) throws Exception {
        try {
            return size(key);
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The object's bytes, or null when there is no such object. */
    public InputStream getIfExists(String key) throws Exception {
        try {
            return get(key);
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The keys of the objects under {@code prefix}. */
    public java.util.List<String> keys(String prefix) throws Exception {
        ensureBucket();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (Result<Item> listed : client.listObjects(ListObjectsArgs.builder().bucket(properties.bucket())
                .prefix(prefix).recursive(true).build())) {
            keys.add(listed.get().objectName());
        }
        return keys;
    }

    /** Deletes every object under {@code prefix}; returns how many. */
    public int deleteAll(String prefix) throws Exception {
        java.util.List<String> keys = keys(prefix);
        for (String key : keys) {
            delete(key);
        }
        return keys.size();
    }

    /** A GET of the object that needs no credentials until {@code validity} is over (SigV4 query string; computed here, no request). */
    public String presignedGet(String key, java.time.Duration validity) throws Exception {
        return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                .bucket(properties.bucket()).object(key).expiry((int) validity.toSeconds()).build());
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
    }

    public InputStream get(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(properties.bucket()).object(key).build());
    }

    public long size(String key) throws Exception {
        return client.statObject(StatObjectArgs.builder().bucket(properties.bucket()).object(key).build()).size();
    }

    public void delete(String key) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(properties.bucket()).object(key).build());
    }

    public boolean bucketExists() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(properties.bucket()).build());
    }

    public String bucket() {
        return properties.bucket();
    }

    private void ensureBucket() throws Exception {
        if (bucketReady) {
            return;
        }
        if (!bucketExists()) {
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(properties.bucket()).region(properties.region()).build());
            } catch (io.minio.errors.ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e; // another instance made it first: fine
                }
            }
        }
        bucketReady = true;
    }
}
