package io.convene.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkSecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void a_sealed_secret_opens_only_for_its_own_webhook_and_is_not_stored_in_clear() {
        TinkSecretBox box = TinkSecretBox.from(new SecretBoxProperties(null, dir.resolve("keyset.json").toString(), true));

        byte[] sealed = box.seal("whsec_c2VjcmV0", "webhook-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_");
        assertThat(box.open(sealed, "webhook-1")).isEqualTo("whsec_c2VjcmV0");
        assertThatThrownBy(() -> box.open(sealed, "webhook-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_keyset_file_made_once_is_read_again_after_a_restart() throws Exception {
        Path file = dir.resolve("keys/keyset.json");
        byte[] sealed = TinkSecretBox.from(new SecretBoxProperties(null, file.toString(), true)).seal("whsec_a", "w");

        TinkSecretBox restarted = TinkSecretBox.from(new SecretBoxProperties(null, file.toString(), false));

        assertThat(restarted.open(sealed, "w")).isEqualTo("whsec_a");
        TinkSecretBox inline = TinkSecretBox.from(new SecretBoxProperties(Files.readString(file), null, false));
        assertThat(inline.open(sealed, "w")).isEqualTo("whsec_a");
    }

    @Test
    void without_a_keyset_the_app_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> TinkSecretBox.from(new SecretBoxProperties(null, null, false)))
                .hasMessageContaining("CONVENE_WEBHOOKS_KEYSET");
        assertThatThrownBy(() -> TinkSecretBox.from(new SecretBoxProperties(null, dir.resolve("none.json").toString(), false)))
                .hasMessageContaining("does not exist");
    }
}
