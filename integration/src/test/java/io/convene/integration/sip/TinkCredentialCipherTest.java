package io.convene.integration.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.convene.domain.sip.CredentialCipher.Sealed;
import io.convene.domain.sip.CredentialUnreadableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkCredentialCipherTest {

    @TempDir
    Path dir;

    @Test
    void a_password_opens_for_its_user_only_and_its_ciphertext_does_not_hold_it() {
        TinkCredentialCipher cipher = TinkCredentialCipher.from(new SipKeysetProperties(null, dir.resolve("k.json").toString(), true));

        Sealed sealed = cipher.seal("s3cret-pw", "alice");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-pw");
        assertThat(sealed.keyId()).isEqualTo(cipher.primaryKeyId()).isEqualTo(TinkCredentialCipher.keyIdOf(sealed.ciphertext()));
        assertThat(cipher.open(sealed.ciphertext(), "alice")).isEqualTo("s3cret-pw");
        assertThatThrownBy(() -> cipher.open(sealed.ciphertext(), "bob"))
                .isInstanceOf(CredentialUnreadableException.class).hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void a_new_primary_key_in_the_file_seals_from_then_on_and_the_old_key_still_opens() throws Exception {
        Path file = dir.resolve("k.json");
        TinkCredentialCipher cipher = TinkCredentialCipher.from(new SipKeysetProperties(null, file.toString(), true));
        Sealed old = cipher.seal("pw", "alice");

        KeysetHandle rotated = KeysetHandle.newBuilder(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file),
                        InsecureSecretKeyAccess.get()))
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));

        Sealed fresh = cipher.seal("pw2", "alice");
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId()).isEqualTo(Integer.toUnsignedLong(rotated.getPrimary().getId()));
        assertThat(cipher.open(old.ciphertext(), "alice")).isEqualTo("pw");
        assertThat(cipher.open(fresh.ciphertext(), "alice")).isEqualTo("pw2");
    }

    @Test
    void without_a_keyset_it_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> TinkCredentialCipher.from(new SipKeysetProperties(null, null, false)))
                .hasMessageContaining("CONVENE_SIP_KEYSET");
        assertThatThrownBy(() -> TinkCredentialCipher.from(new SipKeysetProperties(null, dir.resolve("none.json").toString(), false)))
                .hasMessageContaining("does not exist");
    }
}
