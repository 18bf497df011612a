package io.convene.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OIDC provider (Keycloak) whose tokens the API accepts.
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://localhost:8180/realms/convene}; tokens must carry it as {@code iss}
 * @param audience  the audience every API token must carry
 * @param tokenCacheSize the most verified tokens kept so that a token seen again skips the signature
 *                  check (each entry is about the token plus its claims, 2–3 KB for Keycloak's); 0 = none
 */
@ConfigurationProperties("convene.identity")
public record IdentityProperties(String issuerUri, @DefaultValue("convene-api") String audience,
                                 @DefaultValue("10000") int tokenCacheSize) {

    /** Keycloak's key set, derived from the issuer so nothing is fetched at startup. */
    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }
}
