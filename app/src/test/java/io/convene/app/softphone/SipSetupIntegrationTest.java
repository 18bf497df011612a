package io.convene.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 on the real stack: org SIP settings and users' SIP accounts set by an admin, the
 * softphone config with the user's own password, encryption at rest, key rotation.
 */
class SipSetupIntegrationTest extends StackTestBase {

    private static final String WSS = "wss://pbx.example.com:8089/ws";

    @Autowired
    JdbcClient jdbc;
    @Value("${convene.sip.keyset-file}")
    Path keysetFile;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> passwords = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        jdbc.sql("delete from sip_credential").update();
        jdbc.sql("delete from sip_settings").update();
    }

    @Test
    void alice_gets_her_sip_config_with_her_password_and_bob_is_told_why_he_cannot_call() throws Exception {
        String password = secret();
        sipSettings(true);

        HttpResponse<String> set = setAccount(ALICE, "1001", password);
        JsonNode alice = Json.of(get("/api/softphone/config", tokens.of("alice")));
        JsonNode bob = Json.of(get("/api/softphone/config", tokens.of("bob")));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(alice.get("enabled").asBoolean()).isTrue();
        assertThat(alice.get("wsUrl").asText()).isEqualTo(WSS);
        assertThat(alice.get("realm").asText()).isEqualTo("pbx.example.com");
        assertThat(alice.get("extension").asText()).isEqualTo("1001");
        assertThat(alice.get("password").asText()).isEqualTo(password);
        assertThat(alice.get("displayName").asText()).isEqualTo("Alice Anders");
        assertThat(alice.get("iceServers").get(0).get("urls").get(0).asText()).isEqualTo("stun:stun.example.com:3478");
        assertThat(bob.get("enabled").asBoolean()).isFalse();
        assertThat(bob.get("reason").asText()).isEqualTo("no_extension");
        assertThat(bob.get("howToFix").asText()).contains("admin");
        assertThat(bob.has("password")).isFalse();
    }

    @Test
    void before_an_admin_sets_sip_up_the_config_says_so_and_how_to_fix_it() throws Exception {
        JsonNode none = Json.of(get("/api/softphone/config", tokens.of("alice")));
        sipSettings(false);
        JsonNode off = Json.of(get("/api/softphone/config", tokens.of("alice")));

        assertThat(none.get("enabled").asBoolean()).isFalse();
        assertThat(none.get("reason").asText()).isEqualTo("sip_not_configured");
        assertThat(none.get("howToFix").asText()).contains("/admin/settings/sip");
        assertThat(off.get("reason").asText()).isEqualTo("sip_disabled");
    }

    @Test
    void a_non_admin_setting_sip_is_refused_with_403() throws Exception {
        String alice = tokens.of("alice");

        HttpResponse<String> settings = send("PUT", "/api/admin/settings/sip", alice,
                Json.write(Map.of("enabled", true, "wsUrl", WSS, "realm", "pbx.example.com")));
        HttpResponse<String> account = send("PUT", "/api/admin/users/" + ALICE + "/sip", alice,
                Json.write(Map.of("extension", "1001", "password", "x")));
        HttpResponse<String> read = get("/api/admin/settings/sip", alice);

        assertThat(settings.statusCode()).isEqualTo(403);
        assertThat(account.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(settings.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(jdbc.sql("select count(*) from sip_credential").query(Long.class).single()).isZero();
    }

    @Test
    void settings_changes_are_audited_and_emit_an_event_and_bad_settings_name_the_field() throws Exception {
        HttpResponse<String> changed = sipSettings(true);
        HttpResponse<String> notWss = send("PUT", "/api/admin/settings/sip", tokens.of("admin"),
                Json.write(Map.of("enabled", true, "wsUrl", "http://pbx.example.com/ws", "realm", "pbx.example.com")));
        HttpResponse<String> noRealm = send("PUT", "/api/admin/settings/sip", tokens.of("admin"),
                Json.write(Map.of("enabled", true, "wsUrl", WSS)));
        JsonNode audit = Json.of(get("/api/admin/settings/sip/audit?limit=1", tokens.of("admin")));

        assertThat(Json.of(changed).get("updatedBy").asText()).isEqualTo(ADMIN);
        assertThat(notWss.statusCode()).isEqualTo(400);
        assertThat(Json.of(notWss).get("errors").get(0).get("field").asText()).isEqualTo("wsUrl");
        assertThat(Json.of(noRealm).get("errors").get(0).get("field").asText()).isEqualTo("realm");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("settings.changed");
        assertThat(audit.get(0).get("actorId").asText()).isEqualTo(ADMIN);
        assertThat(jdbc.sql("select data->>'changedBy' from outbox_event where type = 'sip.settings.changed' "
                + "order by position desc limit 1").query(String.class).single()).isEqualTo(ADMIN);
    }

    @Test
    void the_password_is_unreadable_in_postgresql_and_absent_from_every_other_response_log_line_and_event() throws Exception {
        String password = secret();
        sipSettings(true);
        List<HttpResponse<String>> answers = new ArrayList<>();

        answers.add(setAccount(ALICE, "1002", password));
        answers.add(get("/api/admin/users/" + ALICE + "/sip", tokens.of("admin")));
        answers.add(send("PUT", "/api/admin/users/" + ALICE + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "1003")))); // keeps the password
        answers.add(send("PUT", "/api/admin/users/" + ALICE + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "x y", "password", password)))); // 400: its message must not echo it
        answers.add(send("PUT", "/api/admin/users/" + ALICE + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "1004", "password", password, "pin", 1)))); // unknown field
        answers.add(get("/api/admin/settings/sip", tokens.of("admin")));
        answers.add(get("/api/admin/settings/sip/audit", tokens.of("admin")));
        answers.add(get("/api/softphone/config", tokens.of("bob")));
        answers.add(post("/api/admin/sip/re-encrypt", tokens.of("admin"), null));
        HttpResponse<String> own = get("/api/softphone/config", tokens.of("alice"));
        LoggerFactory.getLogger(getClass()).info("log capture is on");

        byte[] stored = jdbc.sql("select password from sip_credential where user_id = :u").param("u", ALICE)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(password);
        assertThat(jdbc.sql("select count(*) from sip_credential where position(convert_to(:p, 'UTF8') in password) > 0")
                .param("p", password).query(Long.class).single()).isZero();
        assertThat(Json.of(own).get("password").asText()).as("the one answer that carries it").isEqualTo(password);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(password));
        assertThat(answers.get(3).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from outbox_event where data::text like :p").param("p", "%" + password + "%")
                .query(Long.class).single()).as("no event").isZero();
        assertThat(jdbc.sql("select count(*) from sip_audit where detail::text like :p").param("p", "%" + password + "%")
                .query(Long.class).single()).as("no audit line").isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'sip.credentials.changed' and subject = :u")
                .param("u", ALICE).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).contains("log capture is on");
        assertThat(logs.list).allSatisfy(line -> assertThat(line.getFormattedMessage()
                + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy())))
                .doesNotContain(password));
    }

    @Test
    void rotating_the_key_keeps_every_password_readable_and_re_encryption_lets_the_old_key_go() throws Exception {
        String alicePassword = secret();
        String carolPassword = secret();
        sipSettings(true);
        setAccount(ALICE, "2001", alicePassword);
        setAccount(CAROL, "2002", carolPassword);
        long oldKey = keyIds().get(0);

        KeysetHandle rotated = KeysetHandle.newBuilder(keyset())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                        .makePrimary())
                .build(); // what "tinkey add-key" + "promote-key" do to the file
        write(rotated);
        String readableAfterRotation = Json.of(get("/api/softphone/config", tokens.of("alice"))).get("password").asText();
        JsonNode reencrypted = Json.of(post("/api/admin/sip/re-encrypt", tokens.of("admin"), null));
        KeysetHandle.Builder withoutOld = KeysetHandle.newBuilder(rotated);
        for (int i = withoutOld.size() - 1; i >= 0; i--) {
            if (!withoutOld.getAt(i).isPrimary()) {
                withoutOld.deleteAt(i);
            }
        }
        write(withoutOld.build()); // the old key is gone from the keyset

        long newKey = Integer.toUnsignedLong(rotated.getPrimary().getId());
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(readableAfterRotation).isEqualTo(alicePassword);
        assertThat(reencrypted.get("reencrypted").asInt()).isEqualTo(2);
        assertThat(reencrypted.get("keyId").asLong()).isEqualTo(newKey);
        assertThat(keyIds()).containsOnly(newKey);
        assertThat(Json.of(get("/api/softphone/config", tokens.of("alice"))).get("password").asText()).isEqualTo(alicePassword);
        assertThat(Json.of(get("/api/softphone/config", tokens.of("carol"))).get("password").asText()).isEqualTo(carolPassword);
        assertThat(jdbc.sql("select count(*) from sip_audit where action = 'credentials.reencrypted'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void a_ciphertext_copied_to_another_users_row_does_not_open() throws Exception {
        sipSettings(true);
        setAccount(ALICE, "3001", secret());
        setAccount(BOB, "3002", secret());

        jdbc.sql("update sip_credential set password = (select password from sip_credential where user_id = :a) where user_id = :b")
                .param("a", ALICE).param("b", BOB).update();
        JsonNode bob = Json.of(get("/api/softphone/config", tokens.of("bob")));

        assertThat(bob.get("enabled").asBoolean()).isFalse();
        assertThat(bob.get("reason").asText()).isEqualTo("credentials_unreadable");
        assertThat(bob.has("password")).isFalse();
    }

    @Test
    void an_extension_belongs_to_one_user_and_an_unknown_user_is_404() throws Exception {
        setAccount(ALICE, "4001", secret());

        HttpResponse<String> taken = send("PUT", "/api/admin/users/" + BOB + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "4001", "password", "pw-bob")));
        HttpResponse<String> nobody = send("PUT", "/api/admin/users/" + UUID.randomUUID() + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "4002", "password", "pw")));
        HttpResponse<String> noPassword = send("PUT", "/api/admin/users/" + CAROL + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", "4003")));
        HttpResponse<String> deleted = send("DELETE", "/api/admin/users/" + ALICE + "/sip", tokens.of("admin"), null);

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(Json.of(noPassword).get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/admin/users/" + ALICE + "/sip", tokens.of("admin")).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> sipSettings(boolean enabled) throws Exception {
        HttpResponse<String> response = send("PUT", "/api/admin/settings/sip", tokens.of("admin"), Json.write(Map.of(
                "enabled", enabled, "wsUrl", WSS, "realm", "pbx.example.com",
                "iceServers", List.of(Map.of("urls", List.of("stun:stun.example.com:3478"))))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> setAccount(String userId, String extension, String password) throws Exception {
        HttpResponse<String> response = send("PUT", "/api/admin/users/" + userId + "/sip", tokens.of("admin"),
                Json.write(Map.of("extension", extension, "password", password)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String secret() {
        String password = "pw-" + UUID.randomUUID();
        passwords.add(password);
        return password;
    }

    private List<Long> keyIds() {
        return jdbc.sql("select distinct key_id from sip_credential").query(Long.class).list();
    }

    private KeysetHandle keyset() throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile), InsecureSecretKeyAccess.get());
    }

    private void write(KeysetHandle keyset) throws Exception {
        Files.writeString(keysetFile, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    }
}
