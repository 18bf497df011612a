package io.convene.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.app.support.StackTestBase;
import io.convene.integration.storage.ObjectStorage;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Object storage on the embedded S3 server, through the MinIO client. */
class ObjectStorageIntegrationTest extends StackTestBase {

    @Autowired
    ObjectStorage storage;

    @Test
    void a_stream_of_unknown_length_is_stored_in_parts_and_read_back_intact() throws Exception {
        long size = 12L * 1024 * 1024 + 123; // more than two 5 MiB parts
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        String key = "test/" + System.nanoTime() + ".bin";

        try (InputStream in = new DigestInputStream(new RandomStream(size), written)) {
            storage.put(key, in, -1, "application/octet-stream");
        }

        assertThat(storage.size(key)).isEqualTo(size);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(storage.get(key), read)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(read.digest()).isEqualTo(written.digest());
        storage.delete(key);
        assertThatThrownBy(() -> storage.size(key)).isInstanceOf(io.minio.errors.ErrorResponseException.class);
    }

    /** Pseudo-random bytes, generated as read: nothing is held in memory. */
    private static final class RandomStream extends InputStream {
        private final Random random = new Random(42);
        private long remaining;

        RandomStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            remaining -= n;
            return n;
        }
    }
}
