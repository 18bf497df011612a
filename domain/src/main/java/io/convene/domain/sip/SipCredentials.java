package io.convene.domain.sip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The users' SIP accounts (extension + sealed password). */
@Component
public class SipCredentials {

    private final JdbcClient jdbc;

    SipCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SipCredential> find(String userId) {
        return jdbc.sql("select * from sip_credential where user_id = :user").param("user", userId)
                .query(SipCredentials::map).optional();
    }

    /** The user whose extension this is, if any. */
    public Optional<String> ownerOf(String extension) {
        return jdbc.sql("select user_id from sip_credential where extension = :ext").param("ext", extension)
                .query(String.class).optional();
    }

    public void save(SipCredential c) {
        jdbc.sql("""
                insert into sip_credential (user_id, extension, password, key_id, updated_at, updated_by)
                values (:user, :ext, :password, :key, :at, :by)
                on conflict (user_id) do update set extension = excluded.extension, password = excluded.password,
                    key_id = excluded.key_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("user", c.userId()).param("ext", c.extension()).param("password", c.sealedPassword())
                .param("key", c.keyId()).param("at", Timestamp.from(c.updatedAt())).param("by", c.updatedBy())
                .update();
    }

    public boolean delete(String userId) {
        return jdbc.sql("delete from sip_credential where user_id = :user").param("user", userId).update() == 1;
    }

    /** Up to {@code limit} accounts whose password was sealed by another key than {@code keyId}. */
    public List<SipCredential> sealedByOtherThan(long keyId, int limit) {
        return jdbc.sql("select * from sip_credential where key_id <> :key order by user_id limit :limit for update skip locked")
                .param("key", keyId).param("limit", limit).query(SipCredentials::map).list();
    }

    /** Replaces a password's ciphertext, only if it is still the one read ({@code oldKeyId}). */
    public boolean reseal(String userId, long oldKeyId, byte[] sealed, long keyId) {
        return jdbc.sql("update sip_credential set password = :password, key_id = :key where user_id = :user and key_id = :old")
                .param("password", sealed).param("key", keyId).param("user", userId).param("old", oldKeyId)
                .update() == 1;
    }

    private static SipCredential map(ResultSet rs, int row) throws SQLException {
        return new SipCredential(rs.getString("user_id"), rs.getString("extension"), rs.getBytes("password"),
                rs.getLong("key_id"), instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
