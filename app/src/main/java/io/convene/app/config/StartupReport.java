package io.convene.app.config;

import io.convene.embedded.EmbeddedServices;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where to go once everything answers. Waits for the embedded Keycloak
 * on its own thread: blocking here would hold back Camunda's job executor,
 * which starts on the same event.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final Environment env;
    private final Optional<EmbeddedServices> embedded;

    StartupReport(Environment env, ObjectProvider<EmbeddedServices> embedded) {
        this.env = env;
        this.embedded = Optional.ofNullable(embedded.getIfAvailable());
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        Thread reporter = new Thread(this::awaitAndPrint, "startup-report");
        reporter.setDaemon(true);
        reporter.start();
    }

    private void awaitAndPrint() {
        try {
            if (embedded.isPresent()) {
                embedded.get().awaitReady();
            }
        } catch (Exception e) {
            log.error("An embedded service did not come up: {}", e.getMessage());
            return;
        }
        String api = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String issuer = env.getProperty("convene.identity.issuer-uri");
        long upMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("""

                =====================================================================
                 Convene is up (in {} s).
                   API ............ {}/api/me
                   OpenAPI UI ..... {}/swagger-ui.html   (document: {}/v3/api-docs)
                   Cockpit ........ {}/camunda/app/cockpit/   (log in as admin)
                   Health ......... {}/actuator/health
                   Keycloak ....... {}
                 Demo logins (demo only): alice, bob, carol, dave (role user),
                   admin (role admin); password = user name.
                 Token: bin/convene token alice
                 Data: {}        Embedded: {}
                =====================================================================""",
                String.format("%.1f", upMillis / 1000.0), api, api, api, api, api, issuer,
                env.getProperty("convene.data-dir"), env.getProperty("convene.embedded.running", "none"));
    }
}
