package io.convene.integration.crm;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's CRM, asked whose phone number rings.
 *
 * @param url     the CRM's base URL ({@code CONVENE_CRM_URL}); empty = no CRM: no contact is ever matched
 * @param token   a bearer token sent to the CRM ({@code CONVENE_CRM_TOKEN}); empty = none
 * @param timeout how long one HTTP question may take (connect, and again for the answer); the
 *                ringing event waits for it at most {@code convene.softphone.contact-lookup-budget}
 */
@ConfigurationProperties("convene.crm")
public record CrmProperties(String url, String token, @DefaultValue("2s") Duration timeout) {

    public CrmProperties {
        url = blankToNull(url);
        token = blankToNull(token);
        if (url != null) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("CONVENE_CRM_URL must be an http(s) URL, was " + url);
            }
            url = url.replaceAll("/+$", "");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("convene.crm.timeout must be positive, was " + timeout);
        }
    }

    boolean configured() {
        return url != null;
    }

    @Override
    public String toString() { // never the token
        return "CrmProperties[url=" + url + ", timeout=" + timeout + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
