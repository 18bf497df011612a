package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 001's four calls as its Next.js front end makes them, snake_case in and out. Each answer is read
 * for the fields seed 001's handlers send ({@code res.json(...)}); a non-2xx answer throws
 * {@link Rest.PortalError}, whose body carries {@code error} ({@code not_found}, {@code forbidden}).
 */
final class ThreadCallClient {

    private final Rest rest;

    ThreadCallClient(HttpClient http, URI base, String token, java.util.function.Consumer<Rest.Answer> seen) {
        this.rest = new Rest(http, base, token, null, seen);
    }

    record Started(String callId, String roomName, String joinUrl) {}

    record Joined(String token, String domain, String room) {}

    record Log(String roomName, String threadId, String status, JsonNode raw) {}

    /** {@code POST /api/calls/start {thread_id, call_type}}. */
    Started start(String threadId, String callType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thread_id", threadId);
        body.put("call_type", callType);
        Wire w = Wire.of("start", rest.call("POST", "/api/calls/start", body).json());
        return new Started(id(w.raw()), w.string("room_name"), w.string("join_url"));
    }

    /** {@code POST /api/calls/:id/join}. */
    Joined join(String callId) {
        Wire w = Wire.of("join", rest.call("POST", "/api/calls/" + callId + "/join", null).json());
        Wire config = w.object("jitsi_config");
        return new Joined(w.string("token"), config.string("domain"), config.string("room"));
    }

    /** {@code POST /api/calls/:id/end}: {@code {ok: true}}. */
    boolean end(String callId) {
        return Wire.of("end", rest.call("POST", "/api/calls/" + callId + "/end", null).json()).bool("ok");
    }

    /** {@code GET /api/calls/:id/log}: the call_logs row. */
    Log log(String callId) {
        Wire w = Wire.of("log", rest.call("GET", "/api/calls/" + callId + "/log", null).json());
        return new Log(w.string("room_name"), w.string("thread_id"), w.string("status"), w.raw());
    }

    /** {@code call_id} is the row's id: a string or a number, used as is in the next URLs. */
    private static String id(JsonNode answer) {
        JsonNode id = answer.get("call_id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new Wire.ContractViolation("start.call_id: missing or not an id in " + Wire.abbreviate(String.valueOf(answer)));
        }
        return id.asText();
    }
}
