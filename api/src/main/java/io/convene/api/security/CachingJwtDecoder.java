package io.convene.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The token check of the REST API and the socket gateway, with a bounded cache of tokens whose
 * signature was verified: a token seen again (the portal's heartbeat every 60 s, its API calls,
 * a socket's reconnect) skips the parsing and the RS256 signature check, which cost most of an
 * authenticated request. Every hit is validated again with the decoder's own validator (expiry
 * and not-before with the same clock skew, issuer, audience), so an expired token is refused from
 * the cache exactly as without it; an entry is dropped once its token can no longer pass. Only
 * tokens that passed are cached. A signing key removed from the issuer's key set stops counting
 * for its cached tokens when they expire (the key set itself is cached for minutes anyway).
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param delegate  verifies the signature and validates with {@code validator}
     * @param validator the delegate's validator, run again on every hit
     * @param maxTokens the most tokens kept (each about the size of the token plus its claims)
     * @param keepFor   how long past its {@code exp} a token can still pass (the validator's clock skew)
     */
    CachingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, long maxTokens, Duration keepFor,
                      Clock clock) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .recordStats()
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> {
                    Instant until = jwt.getExpiresAt() == null ? clock.instant().plus(Duration.ofMinutes(5))
                            : jwt.getExpiresAt().plus(keepFor);
                    Duration left = Duration.between(clock.instant(), until);
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    /** For its metrics (hits, misses, size). */
    Cache<String, Jwt> cache() {
        return verified;
    }

    @Override
    public Jwt decode(String token) {
        Jwt cached = verified.getIfPresent(token);
        if (cached == null) {
            Jwt jwt = delegate.decode(token); // throws unless signature and claims are valid
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(cached);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return cached;
    }
}
