package io.convene.domain.guest;

import io.convene.domain.meeting.MeetingId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invitation link of each meeting or call: at most one, known by its token's hash only. */
@Component
public class GuestLinks {

    /** A link as stored: whose it is, when it was made, how many registrations it has let through. */
    public record Link(MeetingId meetingId, Instant createdAt, int joins) {}

    private final JdbcClient jdbc;

    GuestLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes {@code tokenHash} the meeting's link; the previous one (if any) stops working. */
    public void replace(MeetingId meetingId, byte[] tokenHash, String createdBy, Instant now) {
        jdbc.sql("""
                insert into guest_link (meeting_id, token_hash, created_by, created_at, joins)
                values (:meeting, :hash, :by, :now, 0)
                on conflict (meeting_id) do update set token_hash = excluded.token_hash,
                    created_by = excluded.created_by, created_at = excluded.created_at, joins = 0""")
                .param("meeting", meetingId.value()).param("hash", tokenHash).param("by", createdBy)
                .param("now", Timestamp.from(now)).update();
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
