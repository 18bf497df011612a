package io.convene.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded servers this app started. Stopped in reverse order when the
 * context closes (Ctrl-C included, through Spring's shutdown hook), so nothing
 * started here outlives the app.
 */
public final class EmbeddedServices implements DisposableBean {

    private static final Log log = LogFactory.getLog(EmbeddedServices.class);
    private final List<EmbeddedService> services;
    private final List<EmbeddedService> started = new ArrayList<>();

    EmbeddedServices(List<EmbeddedService> services) {
        this.services = List.copyOf(services);
    }

    Map<String, Object> startAll() {
        Map<String, Object> properties = new HashMap<>();
        try {
            for (EmbeddedService service : services) {
                long begin = System.nanoTime();
                properties.putAll(service.start());
                started.add(service);
                log.info(service.name() + " started in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
            }
        } catch (Exception e) {
            destroy();
            throw new IllegalStateException("embedded default failed to start: " + e.getMessage(), e);
        }
        return properties;
    }

    /** Waits until every started server answers (Keycloak starts in the background). */
    public void awaitReady() throws Exception {
        for (EmbeddedService service : started) {
            service.awaitReady();
        }
    }

    /** The embedded Kafka broker, for tests that take it down and bring it back. */
    public Optional<EmbeddedKafkaControl> kafka() {
        return started.stream().filter(EmbeddedKafkaService.class::isInstance)
                .map(s -> (EmbeddedKafkaControl) s).findFirst();
    }

    /** The embedded S3 server, for tests that take it down and bring it back. */
    public Optional<EmbeddedS3Control> s3() {
        return started.stream().filter(EmbeddedS3Service.class::isInstance)
                .map(s -> (EmbeddedS3Control) s).findFirst();
    }

    @Override
    public void destroy() {
        for (int i = started.size() - 1; i >= 0; i--) {
            EmbeddedService service = started.get(i);
            try {
                service.close();
                log.info(service.name() + " stopped");
            } catch (RuntimeException e) {
                log.warn(service.name() + " did not stop cleanly", e);
            }
        }
        started.clear();
    }
}
