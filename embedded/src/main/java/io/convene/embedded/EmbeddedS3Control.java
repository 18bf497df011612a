package io.convene.embedded;

/** Stop and restart the embedded S3 server on the same port and folder (storage-outage tests). */
public interface EmbeddedS3Control {

    void stopServer();

    void startServer();
}
