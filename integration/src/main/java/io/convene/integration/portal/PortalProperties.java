package io.convene.integration.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business portal Convene belongs to, asked who is in a chat thread.
 *
 * @param url     the portal's base URL ({@code CONVENE_PORTAL_URL}); empty = no portal: a thread
 *                call's members are the ones named when it starts
 * @param token   a bearer token sent to the portal ({@code CONVENE_PORTAL_TOKEN}); empty = none
 * @param timeout how long one question may take (connect, and again for the answer)
 */
@ConfigurationProperties("convene.portal")
public record PortalProperties(String url, String token, @DefaultValue("3s") Duration timeout) {

    public PortalProperties {
        url = blankToNull(url);
        token = blankToNull(token);
        if (url != null) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("CONVENE_PORTAL_URL must be an http(s) URL, was " + url);
            }
            url = url.replaceAll("/+$", "");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("convene.portal.timeout must be positive, was " + timeout);
        }
    }

    boolean configured() {
        return url != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
