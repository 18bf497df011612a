package io.convene.domain.guest;

import io.convene.domain.guest.AdmissionRequest.State;
import io.convene.domain.meeting.MeetingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Guests' access requests. Answering locks the row first: the first answer wins, the others see it answered. */
@Component
public class AdmissionRequests {

    private static final String COLUMNS = "id, session_id, meeting_id, requested_at, state, answered_by, answered_at";

    private final JdbcClient jdbc;

    AdmissionRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AdmissionRequest add(GuestSessionId sessionId, MeetingId meetingId, Instant now) {
        AdmissionRequest request = new AdmissionRequest(UUID.randomUUID(), sessionId, meetingId, now, State.PENDING,
                null, null);
        jdbc.sql("""
                insert into guest_admission_request (id, session_id, meeting_id, requested_at, state)
                values (:id, :session, :meeting, :now, 'pending')""")
                .param("id", request.id()).param("session", sessionId.value()).param("meeting", meetingId.value())
                .param("now", Timestamp.from(now)).update();
        return request;
    }

    public Optional<AdmissionRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from guest_admission_request where id = :id").param("id", id)
                .query(AdmissionRequests::map).optional();
    }

    /** The request, its row locked until the transaction ends. */
    public Optional<AdmissionRequest> findLocked(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from guest_admission_request where id = :id for update").param("id", id)
                .query(AdmissionRequests::map).optional();
    }

    /** The session's newest request, its row locked (the one an answer is for). */
    public Optional<AdmissionRequest> newestLocked(GuestSessionId sessionId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from guest_admission_request where session_id = :session
                order by requested_at desc, id limit 1 for update""")
                .param("session", sessionId.value()).query(AdmissionRequests::map).optional();
    }

    /** How many requests the session made since {@code since}. */
    public int countSince(GuestSessionId sessionId, Instant since) {
        return jdbc.sql("select count(*) from guest_admission_request where session_id = :session and requested_at > :since")
                .param("session", sessionId.value()).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    /** The {@code n}th newest request time of the session (1 = the newest), if it made that many. */
    public Optional<Instant> nthNewest(GuestSessionId sessionId, int n) {
        return jdbc.sql("""
                select requested_at from guest_admission_request where session_id = :session
                order by requested_at desc offset :skip limit 1""")
                .param("session", sessionId.value()).param("skip", n - 1)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public void answer(UUID id, State state, String by, Instant at) {
        jdbc.sql("update guest_admission_request set state = :state, answered_by = :by, answered_at = :at where id = :id")
                .param("state", state.name().toLowerCase()).param("by", by).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    private static AdmissionRequest map(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new AdmissionRequest(rs.getObject("id", UUID.class),
                new GuestSessionId(rs.getObject("session_id", UUID.class)), new MeetingId(rs.getString("meeting_id")),
                rs.getTimestamp("requested_at").toInstant(), State.valueOf(rs.getString("state").toUpperCase()),
                rs.getString("answered_by"), answered == null ? null : answered.toInstant());
    }
}
