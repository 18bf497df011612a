package io.convene.embedded;

/** Stop and restart the embedded broker on the same port and log directory (outage tests). */
public interface EmbeddedKafkaControl {

    void stopBroker();

    void startBroker();
}
