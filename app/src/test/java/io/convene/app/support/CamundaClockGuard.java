package io.convene.app.support;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Suite-wide guard of Camunda's clock, which is one static for the whole JVM and is also the
 * application's clock (TimeConfiguration): every integration test class shares it. A class that
 * moves it and does not put it back makes the classes after it run in the future — timers fire,
 * presence sweeps see stale heartbeats, rows get future timestamps — and they fail now and then,
 * depending on the order. This guard (registered for every test class through JUnit's extension
 * auto-detection, src/test/resources/junit-platform.properties) fails the class that left the
 * clock moved, naming it, and puts the clock back so that the classes after it are not hit.
 */
public final class CamundaClockGuard implements BeforeAllCallback, AfterAllCallback {

    /** More than any drift between two reads of the clock; less than any move a test makes. */
    static final Duration TOLERANCE = Duration.ofSeconds(2);

    @Override
    public void beforeAll(ExtensionContext context) {
        followRealTime();
    }

    static void followRealTime() {
        if (moved() != null) {
            ClockUtil.reset(); // left by something outside a test class (a static initialiser, a fixture thread)
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName());
    }

    /** Fails (and puts the clock back) when the class named has left the clock moved. */
    static void check(String testClass) {
        Duration moved = moved();
        if (moved != null) {
            ClockUtil.reset();
            throw new AssertionError(testClass + " left Camunda's clock moved by " + moved
                    + "; put it back with ClockUtil.reset() in an @AfterEach (the clock is shared by every class)");
        }
    }

    /** How far the clock is from real time, or null when it follows it. */
    static Duration moved() {
        Duration offset = Duration.between(Instant.now(), ClockUtil.getCurrentTime().toInstant());
        return offset.abs().compareTo(TOLERANCE) > 0 ? offset : null;
    }
}
