package io.convene.domain.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registered webhooks. */
@Component
public class Webhooks {

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Webhook w) {
        jdbc.sql("""
                insert into webhook (id, owner_id, org_wide, url, event_types, description, active, secret,
                                     created_at, updated_at)
                values (:id, :owner, :orgWide, :url, :types, :description, :active, :secret, :now, :now)""")
                .param("id", w.id()).param("owner", w.ownerId()).param("orgWide", w.orgWide()).param("url", w.url())
                .param("types", w.eventTypes().toArray(String[]::new)).param("description", w.description())
                .param("active", w.active()).param("secret", w.secret()).param("now", Timestamp.from(w.createdAt()))
                .update();
    }

    /** Saves what an owner may change: URL, event types, description, active (re-enabling clears the reason). */
    public void update(Webhook w, Instant now) {
        jdbc.sql("""
                update webhook set url = :url, event_types = :types, description = :description, active = :active,
                    disabled_reason = case when :active then null else disabled_reason end,
                    disabled_at = case when :active then null else disabled_at end, updated_at = :now
                where id = :id""")
                .param("id", w.id()).param("url", w.url()).param("types", w.eventTypes().toArray(String[]::new))
                .param("description", w.description()).param("active", w.active()).param("now", Timestamp.from(now))
                .update();
    }

    /** The new secret signs from now; the old one too until {@code overlapUntil}. */
    public void rotate(UUID id, byte[] secret, byte[] previous, Instant overlapUntil, Instant now) {
        jdbc.sql("""
                update webhook set secret = :secret, previous_secret = :previous, previous_secret_until = :until,
                    updated_at = :now where id = :id""")
                .param("id", id).param("secret", secret).param("previous", previous)
                .param("until", Timestamp.from(overlapUntil)).param("now", Timestamp.from(now)).update();
    }

    /** Disables an active webhook (never deletes it); false when it was already inactive. */
    public boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                update webhook set active = false, disabled_reason = :reason, disabled_at = :now, updated_at = :now
                where id = :id and active""")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    public void delete(UUID id) {
        jdbc.sql("delete from webhook where id = :id").param("id", id).update();
    }

    public Optional<Webhook> find(UUID id) {
        return jdbc.sql("select * from webhook where id = :id").param("id", id).query(Webhooks::map).optional();
    }

    /** An owner's webhooks, or everyone's ({@code ownerId} null), oldest first. */
    public List<Webhook> list(String ownerId, int limit, int offset) {
        return jdbc.sql("""
                select * from webhook where (cast(:owner as varchar) is null or owner_id = :owner)
                order by created_at, id limit :limit offset :offset""")
                .param("owner", ownerId).param("limit", limit).param("offset", offset).query(Webhooks::map).list();
    }

    /** Every webhook, active or not, subscribed to {@code eventType} (or to everything). */
    public List<Webhook> subscribedTo(String eventType) {
        return jdbc.sql("select * from webhook where event_types @> array[cast(:type as text)] or event_types @> array['*']")
                .param("type", eventType).query(Webhooks::map).list();
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Webhook(rs.getObject("id", UUID.class), rs.getString("owner_id"), rs.getBoolean("org_wide"),
                rs.getString("url"), Arrays.asList((String[]) types.getArray()), rs.getString("description"),
                rs.getBoolean("active"), rs.getString("disabled_reason"), instant(rs.getTimestamp("disabled_at")),
                rs.getBytes("secret"), rs.getBytes("previous_secret"), instant(rs.getTimestamp("previous_secret_until")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
