package io.convene.embedded;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * zonky's EmbeddedPostgres stops PostgreSQL in a JVM shutdown hook of its own,
 * which races Spring's: the database went away while Camunda was still
 * finishing jobs, and shutdown hung for a minute. We stop PostgreSQL ourselves,
 * last, so its hook is taken out again. That needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (bin/convene and the
 * tests pass it); without it the hook stays and only a warning is logged.
 */
final class ShutdownHooks {

    private static final Log log = LogFactory.getLog(ShutdownHooks.class);

    private ShutdownHooks() {}

    static Set<Thread> snapshot() {
        return Set.copyOf(hooks().keySet());
    }

    static void removeAddedSince(Set<Thread> before) {
        for (Thread hook : Set.copyOf(hooks().keySet())) {
            if (!before.contains(hook)) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Thread, Thread> hooks() {
        try {
            Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            field.setAccessible(true);
            synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
                return Map.copyOf((Map<Thread, Thread>) field.get(null));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot reach the JVM's shutdown hooks (" + e.getMessage() + "); PostgreSQL may stop before"
                    + " the app on shutdown. Run with --add-opens java.base/java.lang=ALL-UNNAMED.");
            return Map.of();
        }
    }
}
