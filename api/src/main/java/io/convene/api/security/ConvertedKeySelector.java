package io.convene.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's key selector, except that each key of the issuer's key set is converted to a Java
 * public key once, not for every token (decoding the 2048-bit modulus from base64url with
 * Nimbus's constant-time codec cost about a fifth of a token check). Keys are still found per
 * token in the cached key set, so a rotated key set is followed as before; a converted key is
 * remembered by its JWK, and the memory is cleared when more keys than a key set holds turn up.
 */
final class ConvertedKeySelector extends JWSVerificationKeySelector<SecurityContext> {

    private static final int MAX_KEYS = 32;

    private final Map<JWK, List<Key>> converted = new ConcurrentHashMap<>();

    ConvertedKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
        super(algorithms, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!isAllowed(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
            keys.addAll(converted.computeIfAbsent(jwk, ConvertedKeySelector::publicKeys));
        }
        if (converted.size() > MAX_KEYS) {
            converted.clear();
        }
        return keys;
    }

    /** As Nimbus does: the JWK's Java keys, without private keys. */
    private static List<Key> publicKeys(JWK jwk) {
        return KeyConverter.toJavaKeys(List.of(jwk)).stream().filter(PublicKey.class::isInstance).toList();
    }
}
