package io.convene.domain.guest;

import io.convene.domain.meeting.MeetingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** All guest sessions, by id or by the hash of their credential. */
@Component
public class GuestSessions {

    private static final String COLUMNS = """
            id, meeting_id, display_name, email, identity_key_public, signed_pre_key, pre_keys, admission, admitted_by,
            declines, joined_at, credential_expires_at, created_at, expires_at, ended_at, end_reason""";

    private final JdbcClient jdbc;

    GuestSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(GuestSession session, byte[] credentialHash) {
        jdbc.sql("""
                insert into guest_session (id, meeting_id, display_name, email, identity_key_public, signed_pre_key,
                    pre_keys, admission, declines, credential_hash, credential_expires_at, created_at, expires_at)
                values (:id, :meeting, :name, :email, :identity, :signed, :preKeys, 'none', 0, :credential,
                    :credentialExpires, :created, :expires)""")
                .param("id", session.id().value()).param("meeting", session.meetingId().value())
                .param("name", session.displayName()).param("email", session.email())
                .param("identity", session.identityKeyPublic()).param("signed", session.signedPreKey())
                .param("preKeys", session.preKeysJson()).param("credential", credentialHash)
                .param("credentialExpires", Timestamp.from(session.credentialExpiresAt()))
                .param("created", Timestamp.from(session.createdAt()))
                .param("expires", Timestamp.from(session.expiresAt())).update();
    }

    public Optional<GuestSession> find(GuestSessionId id) {
        return jdbc.sql("select " + COLUMNS + " from guest_session where id = :id").param("id", id.value())
                .query(GuestSessions::map).optional();
    }

    /** The session, its row locked until the transaction ends (asks of one session run one at a time). */
    public Optional<GuestSession> findLocked(GuestSessionId id) {
        return jdbc.sql("select " + COLUMNS + " from guest_session where id = :id for update").param("id", id.value())
                .query(GuestSessions::map).optional();
    }

    /** The live session whose credential hashes to {@code credentialHash} and has not expired. */
    public Optional<GuestSession> findByCredential(byte[] credentialHash, Instant now) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from guest_session where credential_hash = :hash and ended_at is null
                and credential_expires_at > :now and expires_at > :now""")
                .param("hash", credentialHash).param("now", Timestamp.from(now))
                .query(GuestSessions::map).optional();
    }

    /** The meeting's live sessions that were let in. */
    public List<GuestSession> admittedIn(MeetingId meetingId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from guest_session where meeting_id = :meeting and admission = 'admitted' and ended_at is null""")
                .param("meeting", meetingId.value()).query(GuestSessions::map).list();
    }

    /** The meeting's live sessions, whatever their admission. */
    public List<GuestSession> liveIn(MeetingId meetingId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from guest_session where meeting_id = :meeting and ended_at is null""")
                .param("meeting", meetingId.value()).query(GuestSessions::map).list();
    }

    /** The ids of the meeting's live sessions (the rooms of their sockets), at most {@code limit}. */
    public List<GuestSessionId> liveIdsIn(MeetingId meetingId, int limit) {
        return jdbc.sql("select id from guest_session where meeting_id = :meeting and ended_at is null limit :limit")
                .param("meeting", meetingId.value()).param("limit", limit)
                .query((rs, n) -> new GuestSessionId(rs.getObject("id", UUID.class))).list();
    }

    /** Forgets a session (and its requests) whose meeting is gone. */
    public void delete(GuestSessionId id) {
        jdbc.sql("delete from guest_session where id = :id").param("id", id.value()).update();
    }

    /** Forgets the meeting's sessions: all of them, or those that ended ({@code endedOnly}). */
    public void deleteOf(MeetingId meetingId, boolean endedOnly) {
        jdbc.sql("delete from guest_session where meeting_id = :meeting" + (endedOnly ? " and ended_at is not null" : ""))
                .param("meeting", meetingId.value()).update();
    }

    public void admission(GuestSessionId id, Admission admission, String admittedBy, boolean declined) {
        jdbc.sql("""
                update guest_session set admission = :admission, admitted_by = coalesce(:by, admitted_by),
                    declines = declines + :declined where id = :id""")
                .param("admission", admission.name().toLowerCase()).param("by", admittedBy)
                .param("declined", declined ? 1 : 0).param("id", id.value()).update();
    }

    public void joined(GuestSessionId id, Instant at) {
        jdbc.sql("update guest_session set joined_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }

    public void renewCredential(GuestSessionId id, byte[] credentialHash, Instant expiresAt) {
        jdbc.sql("update guest_session set credential_hash = :hash, credential_expires_at = :expires where id = :id")
                .param("hash", credentialHash).param("expires", Timestamp.from(expiresAt)).param("id", id.value())
                .update();
    }

    /** Ends the session (its credential stops working at once); false if it had ended already. */
    public boolean end(GuestSessionId id, Instant at, String reason) {
        return jdbc.sql("update guest_session set ended_at = :at, end_reason = :reason where id = :id and ended_at is null")
                .param("at", Timestamp.from(at)).param("reason", reason).param("id", id.value()).update() == 1;
    }

    private static GuestSession map(ResultSet rs, int n) throws SQLException {
        return new GuestSession(new GuestSessionId(rs.getObject("id", UUID.class)), new MeetingId(rs.getString("meeting_id")),
                rs.getString("display_name"), rs.getString("email"), rs.getString("identity_key_public"),
                rs.getString("signed_pre_key"), rs.getString("pre_keys"),
                Admission.valueOf(rs.getString("admission").toUpperCase()), rs.getString("admitted_by"),
                rs.getInt("declines"), instant(rs, "joined_at"), instant(rs, "credential_expires_at"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "ended_at"), rs.getString("end_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
