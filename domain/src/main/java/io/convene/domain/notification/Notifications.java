package io.convene.domain.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.domain.event.EventOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-user notifications. At most one of a kind per meeting and user (the
 * unique key), so a reminder job that runs twice notifies once.
 *
 * <p>Every row written here tells its user, in the same transaction (the outbox):
 * {@code notification.created} when one is shown (added or shown afresh) with the notification as
 * the list shows it, {@code notification.dismissed} when the user dismisses one ({@code reason:
 * dismissed}) or it is withdrawn before (a cancelled or rescheduled meeting's reminders, a deleted
 * meeting's notices: {@code reason: withdrawn}). So no writer can forget to.
 */
@Component
public class Notifications {

    private static final String COLUMNS =
            "id, user_id, type, meeting_id, title, data::text as data, created_at, expires_at, dismissed_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final EventOutbox outbox;
    private final Clock clock;

    Notifications(JdbcClient jdbc, ObjectMapper json, EventOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds the notification unless the user has one of this type for this meeting; true if added. */
    public boolean addOnce(String userId, String type, String meetingId, String title, Map<String, ?> data,
                           Instant now, Instant expiresAt) {
        return insert("do nothing", userId, type, meetingId, title, data, now, expiresAt);
    }

    /**
     * Shows the notification afresh: adds it, or renews the user's one of this type for this
     * meeting (new text, times, not dismissed). A ringing phone that rings again shows again.
     */
    public void addOrRenew(String userId, String type, String meetingId, String title, Map<String, ?> data,
                           Instant now, Instant expiresAt) {
        insert("""
                do update set title = excluded.title, data = excluded.data, created_at = excluded.created_at,
                    expires_at = excluded.expires_at, dismissed_at = null""",
                userId, type, meetingId, title, data, now, expiresAt);
    }

    private boolean insert(String onConflict, String userId, String type, String meetingId, String title,
                           Map<String, ?> data, Instant now, Instant expiresAt) {
        String dataJson;
        try {
            dataJson = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data is not serialisable", e);
        }
        Optional<Notification> written = jdbc.sql("""
                insert into notification (id, user_id, type, meeting_id, title, data, created_at, expires_at)
                values (:id, :user, :type, :meeting, :title, cast(:data as jsonb), :now, :expires)
                on conflict (meeting_id, user_id, type) """ + onConflict + " returning " + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("type", type)
                .param("meeting", meetingId)
                .param("title", title)
                .param("data", dataJson)
                .param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Notifications::map).optional();
        // a notification prepared ahead (created_at still to come) goes out at its time
        written.ifPresent(n -> outbox.appendAt(new NotificationEvent.Created(subject(n), n.userId(), shown(n)),
                n.createdAt()));
        return written.isPresent();
    }

    /**
     * The notification as the user's list shows it ({@code GET /api/notifications}):
     * {@code {id, type, meetingId, title, data, createdAt, expiresAt}}, {@code data} as JSON.
     */
    public Map<String, Object> shown(Notification n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", n.id().toString());
        view.put("type", n.type());
        view.put("meetingId", n.meetingId());
        view.put("title", n.title());
        try {
            view.put("data", n.data() == null ? null : json.readTree(n.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + n.id() + " holds data that is not JSON", e);
        }
        view.put("createdAt", n.createdAt().toString());
        view.put("expiresAt", n.expiresAt() == null ? null : n.expiresAt().toString());
        return view;
    }

    /** The user's notifications that are neither dismissed nor expired, and whose time has come, newest first. */
    public List<Notification> active(String userId, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from notification
                where user_id = :user and dismissed_at is null and (expires_at is null or expires_at > :now)
                  and created_at <= :now
                order by created_at desc limit :limit""")
                .param("user", userId).param("now", Timestamp.from(now)).param("limit", limit)
                .query(Notifications::map).list();
    }

    public List<Notification> forMeeting(String meetingId) {
        return jdbc.sql("select " + COLUMNS + " from notification where meeting_id = :meeting order by created_at")
                .param("meeting", meetingId).query(Notifications::map).list();
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id")
                .param("id", id).query(Notifications::map).optional();
    }

    /** The user dismisses it; true unless it was dismissed already. */
    public boolean dismiss(UUID id, Instant now) {
        Optional<Notification> dismissed = jdbc.sql("""
                update notification set dismissed_at = :now where id = :id and dismissed_at is null""" + " returning " + COLUMNS)
                .param("id", id).param("now", Timestamp.from(now)).query(Notifications::map).optional();
        dismissed.ifPresent(n -> gone(n, "dismissed"));
        return dismissed.isPresent();
    }

    /**
     * The user's notifications of these types about this meeting are dismissed (the user dismissed
     * the reminder by its type, or joined the meeting: a reminder of it is read). Returns how many.
     */
    public int dismiss(String userId, String meetingId, Collection<String> types, Instant now) {
        List<Notification> dismissed = jdbc.sql("""
                update notification set dismissed_at = :now
                where user_id = :user and meeting_id = :meeting and type in (:types) and dismissed_at is null"""
                + " returning " + COLUMNS)
                .param("user", userId).param("meeting", meetingId).param("types", types)
                .param("now", Timestamp.from(now)).query(Notifications::map).list();
        dismissed.stream().filter(n -> !n.createdAt().isAfter(now)) // prepared ahead, not shown yet: nothing to take back
                .forEach(n -> gone(n, "dismissed"));
        return dismissed.size();
    }

    /**
     * Withdraws the meeting's notifications of these types, shown or dismissed (cancel, a new start time).
     * One prepared ahead and not shown yet is withdrawn with its held events: nobody ever sees it.
     */
    public int withdraw(String meetingId, Collection<String> types) {
        List<Notification> withdrawn = jdbc.sql("""
                delete from notification where meeting_id = :meeting and type in (:types)""" + " returning " + COLUMNS)
                .param("meeting", meetingId).param("types", types).query(Notifications::map).list();
        withdrawHeld(meetingId, withdrawn);
        return withdrawn.size();
    }

    private void withdrawHeld(String meetingId, List<Notification> withdrawn) {
        outbox.withdrawHeld(meetingId);
        Instant now = clock.instant();
        withdrawn.stream().filter(n -> n.dismissedAt() == null)
                .filter(n -> !n.createdAt().isAfter(now)) // prepared ahead, never shown: no "withdrawn" for it
                .forEach(n -> gone(n, "withdrawn"));
    }

    /**
     * Deletes what only makes sense while the meeting exists (reminders, live invites, a
     * ringing phone). Missed calls, "didn't answer", "declined" and "not reachable" stay:
     * they are about the past, and the user dismisses them.
     */
    public void deleteTransient(String meetingId) {
        List<Notification> deleted = jdbc.sql("""
                delete from notification where meeting_id = :meeting
                and (type like 'meeting.%' or type = 'call.incoming')""" + " returning " + COLUMNS)
                .param("meeting", meetingId).query(Notifications::map).list();
        withdrawHeld(meetingId, deleted);
    }

    private void gone(Notification n, String reason) {
        outbox.append(new NotificationEvent.Dismissed(subject(n), n.id().toString(), n.userId(), reason));
    }

    /** Keyed like the meeting's own events (in order with them), or by the user when it names no meeting. */
    private static String subject(Notification n) {
        return n.meetingId() != null ? n.meetingId() : n.userId();
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
