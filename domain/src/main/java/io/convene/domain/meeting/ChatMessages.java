package io.convene.domain.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The in-meeting chat of portal users. Deleted with its meeting. */
@Component
public class ChatMessages {

    private final JdbcClient jdbc;

    ChatMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ChatMessage(long id, String meetingId, String userId, String displayName, String body, Instant sentAt) {}

    public ChatMessage post(String meetingId, String userId, String displayName, String body, Instant now) {
        long id = jdbc.sql("""
                insert into meeting_chat_message (meeting_id, user_id, display_name, body, sent_at)
                values (:meeting, :user, :name, :body, :now) returning id""")
                .param("meeting", meetingId).param("user", userId).param("name", displayName)
                .param("body", body).param("now", Timestamp.from(now))
                .query(Long.class).single();
        return new ChatMessage(id, meetingId, userId, displayName, body, now);
    }

    /** A page of messages, newest last: the {@code limit} messages before {@code beforeId} (or the latest). */
    public List<ChatMessage> page(String meetingId, Long beforeId, int limit) {
        List<ChatMessage> newestFirst = jdbc.sql("""
                select * from meeting_chat_message
                where meeting_id = :meeting and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""")
                .param("meeting", meetingId).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new ChatMessage(rs.getLong("id"), rs.getString("meeting_id"), rs.getString("user_id"),
                        rs.getString("display_name"), rs.getString("body"), rs.getTimestamp("sent_at").toInstant()))
                .list();
        List<ChatMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
