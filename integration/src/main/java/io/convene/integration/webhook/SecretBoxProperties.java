package io.convene.integration.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts webhook secrets at rest comes from: a Tink JSON keyset given
 * inline ({@code CONVENE_WEBHOOKS_KEYSET}), or a keyset file ({@code CONVENE_WEBHOOKS_KEYSET_FILE}),
 * made there on first start only when {@code create-keyset} is on (the embedded default does so
 * in its data folder; production brings its own keyset).
 */
@ConfigurationProperties("convene.webhooks")
public record SecretBoxProperties(String keyset, String keysetFile, @DefaultValue("false") boolean createKeyset) {

    @Override
    public String toString() { // never the keyset
        return "SecretBoxProperties[keysetFile=" + keysetFile + "]";
    }
}
