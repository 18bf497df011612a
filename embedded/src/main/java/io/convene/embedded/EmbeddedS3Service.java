package io.convene.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/** An S3-compatible server (s3proxy) storing objects as files under the data folder. */
final class EmbeddedS3Service implements EmbeddedService {

    static final String ACCESS_KEY = "convene";
    static final String SECRET_KEY = "convene-local-secret";

    private final Path dataDir;
    private final int port;
    private S3Proxy proxy;

    EmbeddedS3Service(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public String name() {
        return "S3 (s3proxy)";
    }

    @Override
    public Map<String, Object> start() throws Exception {
        Ports.requireFree(port, name());
        Files.createDirectories(dataDir);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        BlobStore blobStore = BlobStores.create("filesystem", properties);
        proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        return Map.of(
                "convene.storage.endpoint", "http://localhost:" + port,
                "convene.storage.access-key", ACCESS_KEY,
                "convene.storage.secret-key", SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
