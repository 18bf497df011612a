package io.convene.embedded;

import java.util.Map;

/** One embedded server of the embedded default. Started once, stopped once, in reverse order. */
interface EmbeddedService extends AutoCloseable {

    /** Human name for logs: "PostgreSQL", "Kafka"... */
    String name();

    /** Starts the server; returns the Spring properties that point the app at it. */
    Map<String, Object> start() throws Exception;

    /** Blocks until the server answers (some start in the background). */
    default void awaitReady() throws Exception {
    }

    @Override
    void close();
}
