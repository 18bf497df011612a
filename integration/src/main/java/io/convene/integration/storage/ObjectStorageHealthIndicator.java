package io.convene.integration.storage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Object storage is up when it answers whether our bucket exists. Shown as {@code objectStorage}. */
@Component("objectStorageHealthIndicator")
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStorage storage;

    ObjectStorageHealthIndicator(ObjectStorage storage) {
        super("object storage is not reachable");
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        health.up().withDetail("bucket", storage.bucket()).withDetail("bucketExists", storage.bucketExists());
    }
}
