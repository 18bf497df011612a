package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The portal's {@code ApiService}/dio as the seeds use it: JSON bodies (nulls kept, as {@code jsonEncode}
 * keeps them), the signed-in user's bearer token, and an exception on every non-2xx answer.
 */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private volatile String bearer;
    private final String forwardedFor;
    private final java.util.function.Consumer<Answer> seen;

    Rest(HttpClient http, URI base, String bearer, String forwardedFor, java.util.function.Consumer<Answer> seen) {
        this.http = http;
        this.base = base;
        this.bearer = bearer;
        this.forwardedFor = forwardedFor;
        this.seen = seen;
    }

    void bearer(String token) {
        this.bearer = token;
    }

    /** Sends and throws {@link PortalError} unless the answer is 2xx. */
    Answer call(String method, String path, Object body) {
        Answer answer = exchange(method, path, body);
        if (answer.status() / 100 != 2) {
            throw new PortalError(answer);
        }
        return answer;
    }

    /** Sends; any status. */
    Answer exchange(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(method, path, response.statusCode(), response.headers(), response.body());
            seen.accept(answer); // the tests clean up what was made, even when the answer breaks the contract
            return answer;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: its status, headers and body. */
    record Answer(String method, String path, int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
            } catch (Exception e) {
                throw new Wire.ContractViolation(this + ": the answer is not JSON");
            }
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + status + " "
                    + headers.firstValue("Content-Type").orElse("") + " " + Wire.abbreviate(String.valueOf(body));
        }
    }

    /** The client's exception on a non-2xx answer: the status and the body are in the message. */
    static final class PortalError extends AssertionError {

        private final Answer answer;

        PortalError(Answer answer) {
            super(answer.toString());
            this.answer = answer;
        }

        int status() {
            return answer.status();
        }

        JsonNode body() {
            return answer.json();
        }
    }
}
