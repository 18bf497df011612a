package io.convene.integration.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The identity provider is up when its OIDC discovery document answers. Shown as {@code identityProvider}. */
@Component("identityProviderHealthIndicator")
class IdentityProviderHealthIndicator extends AbstractHealthIndicator {

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    IdentityProviderHealthIndicator(@Value("${convene.identity.issuer-uri}") String issuer) {
        super("identity provider is not reachable");
        this.issuer = issuer;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(3)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        (status == 200 ? health.up() : health.down()).withDetail("issuer", issuer).withDetail("status", status);
    }
}
