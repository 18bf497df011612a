package io.convene.domain.sip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed the SIP settings or someone's SIP account, and when. {@code detail} never holds a password. */
@Component
public class SipAudit {

    public record Entry(long id, Instant at, String actorId, String action, String userId, String detail) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SipAudit(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Instant at, String actorId, String action, String userId, Map<String, ?> detail) {
        String text;
        try {
            text = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
        jdbc.sql("insert into sip_audit (at, actor_id, action, user_id, detail) values (:at, :actor, :action, :user, cast(:detail as jsonb))")
                .param("at", Timestamp.from(at)).param("actor", actorId).param("action", action).param("user", userId)
                .param("detail", text).update();
    }

    /** Newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select id, at, actor_id, action, user_id, detail::text as detail from sip_audit order by at desc, id desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_id"),
                        rs.getString("action"), rs.getString("user_id"), rs.getString("detail")))
                .list();
    }
}
