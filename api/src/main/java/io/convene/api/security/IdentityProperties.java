package io.convene.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OIDC provider (Keycloak) whose tokens the API accepts.
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://localhost:8180/realms/convene}; tokens must carry it as {@code iss}
 * @param audience  the audience every API token must carry
 */
@ConfigurationProperties("convene.identity")
public record IdentityProperties(String issuerUri, @DefaultValue("convene-api") String audience) {

    /** Keycloak's key set, derived from the issuer so nothing is fetched at startup. */
    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }
}
