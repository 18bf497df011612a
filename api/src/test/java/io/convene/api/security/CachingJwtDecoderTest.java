package io.convene.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    final MovableClock clock = new MovableClock(T0);
    final AtomicInteger verified = new AtomicInteger();
    final JwtTimestampValidator validator = new JwtTimestampValidator(SecurityConfiguration.CLOCK_SKEW);

    CachingJwtDecoderTest() {
        validator.setClock(clock);
    }

    /** Stands for Nimbus: "verifies" a token named good-* (valid for 5 minutes from T0), refuses any other. */
    final JwtDecoder nimbus = token -> {
        verified.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5))
                .issuedAt(T0).expiresAt(T0.plusSeconds(300)).build();
    };

    final CachingJwtDecoder decoder = new CachingJwtDecoder(nimbus, validator, 100, SecurityConfiguration.CLOCK_SKEW, clock);

    @Test
    void a_token_seen_again_is_not_verified_again() {
        Jwt first = decoder.decode("good-alice");
        clock.at(T0.plusSeconds(60));

        Jwt again = decoder.decode("good-alice");

        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(verified).hasValue(1);
    }

    @Test
    void a_cached_token_is_refused_once_it_expired_as_without_the_cache() {
        decoder.decode("good-alice");
        clock.at(T0.plusSeconds(300).plus(SecurityConfiguration.CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode("good-alice")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified).hasValue(1);
    }

    @Test
    void a_cached_token_is_still_accepted_within_the_clock_skew_past_its_expiry() {
        decoder.decode("good-alice");
        clock.at(T0.plusSeconds(300).plus(SecurityConfiguration.CLOCK_SKEW).minusSeconds(1));

        assertThat(decoder.decode("good-alice").getSubject()).isEqualTo("alice");
    }

    @Test
    void a_refused_token_is_not_cached() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).hasValue(2);
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
