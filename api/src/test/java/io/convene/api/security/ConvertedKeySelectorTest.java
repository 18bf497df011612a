package io.convene.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvertedKeySelectorTest {

    final RSAKey signingKey;
    final ImmutableJWKSet<SecurityContext> keySet;
    final ConvertedKeySelector selector;

    ConvertedKeySelectorTest() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKey = new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic()).keyID("k1").build();
        keySet = new ImmutableJWKSet<>(new JWKSet(signingKey));
        selector = new ConvertedKeySelector(Set.of(JWSAlgorithm.RS256), keySet);
    }

    @Test
    void finds_the_same_keys_as_nimbus_and_converts_each_only_once() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
        List<Key> nimbus = new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), keySet).selectJWSKeys(header, null);

        List<Key> first = selector.selectJWSKeys(header, null);
        List<Key> again = selector.selectJWSKeys(header, null);

        assertThat(first).isEqualTo(nimbus).hasSize(1);
        assertThat(again.get(0)).isSameAs(first.get(0));
    }

    @Test
    void finds_nothing_for_another_algorithm_or_an_unknown_key() throws Exception {
        assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("k1").build(), null)).isEmpty();
        assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build(), null)).isEmpty();
    }
}
