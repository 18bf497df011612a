package io.convene.integration.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible object storage (MinIO, AWS S3, or the embedded s3proxy).
 * {@code partSize}: uploads are sent in parts of this size (an upload holds a few parts in
 * memory at most); S3 needs at least 5 MiB. Keys come from the environment ({@code CONVENE_STORAGE_ACCESS_KEY} …), never from a committed file.
 */
@ConfigurationProperties("convene.storage")
public record StorageProperties(
        String endpoint,
        String accessKey,
        String secretKey,
        @DefaultValue("convene") String bucket,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("8MB") org.springframework.util.unit.DataSize partSize) {
}
