package io.convene.application.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The socket gateway's heartbeat runs on Netty's event loop: it records in memory and never writes
 * the batch itself. Presence here has no repository, sweep or transactions at all: any attempt to
 * reach the database would fail.
 */
class HeartbeatWithoutWaitingTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final HeartbeatBuffer buffer = new HeartbeatBuffer();

    private Presence presence(int maxPending, Instant now) {
        PresenceProperties properties = new PresenceProperties(Duration.ofSeconds(90), Duration.ofSeconds(5), "",
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1), maxPending, Duration.ofSeconds(15));
        return new Presence(null, properties, Clock.fixed(now, ZoneOffset.UTC), buffer, null, null, null, null, null);
    }

    @Test
    void a_heartbeat_is_recorded_in_memory_at_the_clocks_instant() {
        assertThat(presence(10, T0).heartbeatWithoutWaiting("alice")).isTrue();
        assertThat(presence(10, T0.plusSeconds(60)).heartbeatWithoutWaiting("alice")).isTrue();

        assertThat(buffer.pending("alice")).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void with_the_buffer_full_a_new_user_is_refused_unrecorded_and_a_waiting_one_is_still_taken() {
        Presence presence = presence(2, T0);
        assertThat(presence.heartbeatWithoutWaiting("alice")).isTrue();
        assertThat(presence.heartbeatWithoutWaiting("bob")).isTrue();

        assertThat(presence.heartbeatWithoutWaiting("carol")).as("the caller must write the batch first").isFalse();
        assertThat(buffer.pending("carol")).isNull();
        assertThat(presence(2, T0.plusSeconds(1)).heartbeatWithoutWaiting("bob")).as("takes no more memory").isTrue();
        assertThat(buffer.pending("bob")).isEqualTo(T0.plusSeconds(1).toEpochMilli());
        assertThat(buffer.size()).isEqualTo(2);
    }
}
