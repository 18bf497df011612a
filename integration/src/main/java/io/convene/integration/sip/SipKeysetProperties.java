package io.convene.integration.sip;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that encrypts SIP passwords at rest comes from: a Tink JSON keyset given inline
 * ({@code CONVENE_SIP_KEYSET}) or a keyset file ({@code CONVENE_SIP_KEYSET_FILE}), made there on
 * first start only when {@code create-keyset} is on (the embedded default, in its data folder).
 * Never the database.
 */
@ConfigurationProperties("convene.sip")
public record SipKeysetProperties(String keyset, String keysetFile, @DefaultValue("false") boolean createKeyset) {

    @Override
    public String toString() { // never the keyset
        return "SipKeysetProperties[keysetFile=" + keysetFile + "]";
    }
}
