package io.convene.domain.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-user notifications. At most one of a kind per meeting and user (the
 * unique key), so a reminder job that runs twice notifies once.
 */
@Component
public class Notifications {

    private final JdbcClient jdbc;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    Notifications(JdbcClient jdbc, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the notification unless the user has one of this type for this meeting; true if added. */
    public boolean addOnce(String userId, String type, String meetingId, String title, java.util.Map<String, ?> data,
                           Instant now, Instant expiresAt) {
        return insert("do nothing", userId, type, meetingId, title, data, now, expiresAt) == 1;
    }

    /**
     * Shows the notification afresh: adds it, or renews the user's one of this type for this
     * meeting (new text, times, not dismissed). A ringing phone that rings again shows again.
     */
    public void addOrRenew(String userId, String type, String meetingId, String title, java.util.Map<String, ?> data,
                           Instant now, Instant expiresAt) {
        insert("""
                do update set title = excluded.title, data = excluded.data, created_at = excluded.created_at,
                    expires_at = excluded.expires_at, dismissed_at = null""",
                userId, type, meetingId, title, data, now, expiresAt);
    }

    private int insert(String onConflict, String userId, String type, String meetingId, String title,
                       java.util.Map<String, ?> data, Instant now, Instant expiresAt) {
        String dataJson;
        try {
            dataJson = json.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("notification data is not serialisable", e);
        }
        return jdbc.sql("""
                insert into notification (id, user_id, type, meeting_id, title, data, created_at, expires_at)
                values (:id, :user, :type, :meeting, :title, cast(:data as jsonb), :now, :expires)
                on conflict (meeting_id, user_id, type) """ + onConflict)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("type", type)
                .param("meeting", meetingId)
                .param("title", title)
                .param("data", dataJson)
                .param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    /** The user's notifications that are neither dismissed nor expired, newest first. */
    public List<Notification> active(String userId, Instant now, int limit) {
        return jdbc.sql("""
                select id, user_id, type, meeting_id, title, data::text as data, created_at, expires_at, dismissed_at
                from notification
                where user_id = :user and dismissed_at is null and (expires_at is null or expires_at > :now)
                order by created_at desc limit :limit""")
                .param("user", userId).param("now", Timestamp.from(now)).param("limit", limit)
                .query(Notifications::map).list();
    }

    public List<Notification> forMeeting(String meetingId) {
        return jdbc.sql("""
                select id, user_id, type, meeting_id, title, data::text as data, created_at, expires_at, dismissed_at
                from notification where meeting_id = :meeting order by created_at""")
                .param("meeting", meetingId).query(Notifications::map).list();
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.sql("""
                select id, user_id, type, meeting_id, title, data::text as data, created_at, expires_at, dismissed_at
                from notification where id = :id""").param("id", id).query(Notifications::map).optional();
    }

    public void dismiss(UUID id, Instant now) {
        jdbc.sql("update notification set dismissed_at = :now where id = :id and dismissed_at is null")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Withdraws the meeting's notifications of these types, shown or dismissed (cancel, a new start time). */
    public int withdraw(String meetingId, Collection<String> types) {
        return jdbc.sql("delete from notification where meeting_id = :meeting and type in (:types)")
                .param("meeting", meetingId).param("types", types).update();
    }

    /**
     * Deletes what only makes sense while the meeting exists (reminders, live invites, a
     * ringing phone). Missed calls, "didn't answer", "declined" and "not reachable" stay:
     * they are about the past, and the user dismisses them.
     */
    public void deleteTransient(String meetingId) {
        jdbc.sql("""
                delete from notification where meeting_id = :meeting
                and (type like 'meeting.%' or type = 'call.incoming')""").param("meeting", meetingId).update();
    }

    private static Notification map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getString("type"),
                rs.getString("meeting_id"), rs.getString("title"), rs.getString("data"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("dismissed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
