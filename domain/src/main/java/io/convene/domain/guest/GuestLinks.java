package io.convene.domain.guest;

import io.convene.domain.meeting.MeetingId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invitation link of each meeting or call: at most one, found by its token's hash; the token
 * itself is kept only sealed (AEAD, sealed and opened by the application), so the invite dialog
 * can show it again to those who may make links.
 */
@Component
public class GuestLinks {

    /** A link as stored: whose it is, when it was made, how many registrations it has let through. */
    public record Link(MeetingId meetingId, Instant createdAt, int joins) {}

    /** A meeting's current link for the invite dialog; {@code sealedToken} null for links made before it was kept. */
    public record Current(MeetingId meetingId, byte[] sealedToken, String createdBy, Instant createdAt) {}

    private final JdbcClient jdbc;

    GuestLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes {@code tokenHash} (sealed: {@code sealedToken}) the meeting's link; the previous one stops working. */
    public void replace(MeetingId meetingId, byte[] tokenHash, byte[] sealedToken, String createdBy, Instant now) {
        jdbc.sql("""
                insert into guest_link (meeting_id, token_hash, token_sealed, created_by, created_at, joins)
                values (:meeting, :hash, :sealed, :by, :now, 0)
                on conflict (meeting_id) do update set token_hash = excluded.token_hash,
                    token_sealed = excluded.token_sealed, created_by = excluded.created_by,
                    created_at = excluded.created_at, joins = 0""")
                .param("meeting", meetingId.value()).param("hash", tokenHash).param("sealed", sealedToken)
                .param("by", createdBy).param("now", Timestamp.from(now)).update();
    }

    /** The meeting's current link (one primary-key read). */
    public Optional<Current> current(MeetingId meetingId) {
        return jdbc.sql("select token_sealed, created_by, created_at from guest_link where meeting_id = :meeting")
                .param("meeting", meetingId.value())
                .query((rs, n) -> new Current(meetingId, rs.getBytes("token_sealed"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public Optional<Link> findByTokenHash(byte[] tokenHash) {
        return jdbc.sql("select meeting_id, created_at, joins from guest_link where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new Link(new MeetingId(rs.getString("meeting_id")),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("joins")))
                .optional();
    }

    /**
     * Counts one more registration through the token, unless it has had {@code max}: one
     * conditional UPDATE, so two instances racing never let the {@code max + 1}th through.
     */
    public boolean takeJoin(byte[] tokenHash, int max) {
        return jdbc.sql("update guest_link set joins = joins + 1 where token_hash = :hash and joins < :max")
                .param("hash", tokenHash).param("max", max).update() == 1;
    }
}
