package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.application.presence.PresenceSweep;
import io.convene.domain.notification.Notification;
import io.convene.domain.notification.Notifications;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Calls made through the API; presence set by heartbeats, as the portal does. */
abstract class CallFixtures extends StackTestBase {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Notifications notifications;
    @Autowired
    protected PresenceSweep presenceSweep;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected void online(String... users) throws Exception {
        for (String user : users) {
            assertThat(post("/api/presence/heartbeat", tokens.of(user), null).statusCode()).isEqualTo(204);
        }
    }

    protected void offline(String... userIds) {
        presenceSweep.flushHeartbeats(); // heartbeats are written in batches: write them before forgetting them
        for (String userId : userIds) {
            jdbc.sql("delete from presence_connection where user_id = :u").param("u", userId).update();
            jdbc.sql("delete from presence where user_id = :u").param("u", userId).update();
        }
    }

    /** Seed 002: {@code POST /api/calls/instant}; the answer is the Meeting object of the call. */
    protected JsonNode call(String caller, List<String> callees) throws Exception {
        HttpResponse<String> response = post("/api/calls/instant", tokens.of(caller),
                Json.write(Map.of("participantIds", callees, "callType", "video")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.of(response);
    }

    /** The id of a call placed with {@link #call}. */
    protected String callId(String caller, List<String> callees) throws Exception {
        return call(caller, callees).get("meetingId").asText();
    }

    protected HttpResponse<String> act(String user, String action, String callId) throws Exception {
        return post("/api/calls/" + action, tokens.of(user), Json.write(Map.of("meetingId", callId)));
    }

    protected List<Notification> notices(String callId, String userId, String type) {
        return notifications.forMeeting(callId).stream()
                .filter(n -> n.userId().equals(userId) && n.type().equals(type)).toList();
    }

    protected long events(String callId, String type) {
        return jdbc.sql("select count(*) from outbox_event where subject = :c and type = :t")
                .param("c", callId).param("t", type).query(Long.class).single();
    }

    protected long processInstances(String callId) {
        return jdbc.sql("select count(*) from act_ru_execution where business_key_ = :c and parent_id_ is null")
                .param("c", callId).query(Long.class).single();
    }

    /** The call is gone: its row deleted (cleaned up) and no process holds it any more. */
    protected boolean cleanedUp(String callId) {
        return jdbc.sql("select count(*) from meeting where id = :c").param("c", callId).query(Long.class).single() == 0
                && processInstances(callId) == 0;
    }

    /** Calls {@code userId} placed at or after {@code since}: rows, call.started events, instant-call processes. */
    protected long callsPlacedSince(String userId, java.time.Instant since) {
        long rows = jdbc.sql("select count(*) from meeting where created_by = :u and is_instant_call and created_at >= :t")
                .param("u", userId).param("t", java.sql.Timestamp.from(since)).query(Long.class).single();
        long events = jdbc.sql("""
                select count(*) from outbox_event where type = 'call.started' and data->>'callerId' = :u
                and occurred_at >= :t""").param("u", userId).param("t", java.sql.Timestamp.from(since))
                .query(Long.class).single();
        long processes = jdbc.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'instant-call' and start_time_ >= :t")
                .param("t", java.sql.Timestamp.from(since)).query(Long.class).single();
        return rows + events + processes;
    }

    protected long jobs(String callId) {
        return jdbc.sql("""
                select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = :c""").param("c", callId).query(Long.class).single();
    }
}
