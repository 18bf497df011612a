package io.convene.integration.storage;

import io.minio.BucketExistsArgs;
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

    private static final long PART_SIZE = 8L * 1024 * 1024;
    private final MinioClient client;
    private final StorageProperties properties;
    private volatile boolean bucketReady;

    ObjectStorage(MinioClient client, StorageProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** Stores {@code size} bytes (or an unknown amount, size = -1) from {@code in} under {@code key}. */
    public void put(String key, InputStream in, long size, String contentType) throws Exception {
        ensureBucket();
        client.putObject(PutObjectArgs.builder()
                .bucket(properties.bucket())
                .object(key)
                .stream(in, size, size < 0 ? PART_SIZE : -1)
                .contentType(contentType)
                .build());
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
