package io.convene.application.guest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guests' limits (docs/guests.md: the limits and where to change them). The clocks of a guest's
 * session — request expiry, grace after the last internal participant left, the session maximum,
 * the link's validity window — are literals of the guest-admission model, not settings.
 *
 * @param credentialTtl       how long one guest credential works (renewable while the session lives)
 * @param callsAllowGuests    whether instant calls may have guest links at all (meetings: their allowExternal)
 * @param maxJoinsPerLink     registrations one invitation token lets through (seed: 10)
 * @param requestsPerWindow   access requests of one session per {@code requestWindow} (seed: 3 per 5 min)
 * @param requestWindow       the window of {@code requestsPerWindow}
 * @param requestCooldown     the least time between two requests of one session (seed: 30 s)
 * @param maxDeclines         declines after which a session may not ask again (seed: 5)
 * @param landingPerAddress   landing-page (and guest preview) requests per client address per {@code addressWindow}
 * @param registerPerAddress  registrations per client address per {@code addressWindow}
 * @param addressWindow       the window of the per-address limits
 */
@ConfigurationProperties("convene.guests")
public record GuestProperties(@DefaultValue("1h") Duration credentialTtl,
                              @DefaultValue("true") boolean callsAllowGuests,
                              @DefaultValue("10") int maxJoinsPerLink,
                              @DefaultValue("3") int requestsPerWindow,
                              @DefaultValue("5m") Duration requestWindow,
                              @DefaultValue("30s") Duration requestCooldown,
                              @DefaultValue("5") int maxDeclines,
                              @DefaultValue("30") int landingPerAddress,
                              @DefaultValue("10") int registerPerAddress,
                              @DefaultValue("1m") Duration addressWindow) {
}
