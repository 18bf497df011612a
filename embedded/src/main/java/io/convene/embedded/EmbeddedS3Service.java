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
final class EmbeddedS3Service implements EmbeddedService, EmbeddedS3Control {

    static final String ACCESS_KEY = "convene";
    static final String SECRET_KEY = "convene-local-secret";

    private final Path dataDir;
    private final int port;
    private S3Proxy proxy;
    private BlobStore blobStore;

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
        blobStore = BlobStores.create("filesystem", properties);
        startServer();
        return Map.of(
                "convene.storage.endpoint", "http://localhost:" + port,
                "convene.storage.access-key", ACCESS_KEY,
                "convene.storage.secret-key", SECRET_KEY);
    }

    @Override
    public synchronized void startServer() {
        if (proxy != null) {
            return;
        }
        S3Proxy starting = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        try {
            starting.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on port " + port, e);
        }
        while (!starting.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        proxy = starting;
    }

    /** Stops answering (the port is closed); the objects stay in the folder. */
    @Override
    public synchronized void stopServer() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
        proxy = null;
    }

    @Override
    public void close() {
        stopServer();
    }
}
