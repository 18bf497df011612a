package io.convene.integration.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The portal's thread members over HTTP (docs/calls.md, "The portal's thread API"):
 * {@code GET {CONVENE_PORTAL_URL}/api/threads/{threadId}/members} answers 200 with a JSON
 * array of user ids (the Keycloak {@code sub} of each member), or 404 for a thread it does not
 * know. Anything else — another status, no answer within the timeout, a body that is not such
 * an array — is {@link ThreadDirectoryUnavailableException}: the use case answers 503 and writes
 * nothing. No cache: a member removed from a thread may not join its call a second later.
 */
final class PortalThreadDirectory implements ThreadDirectory {

    static final String MEMBERS_PATH = "/api/threads/{threadId}/members";
    static final String PEERS_PATH = "/api/users/{userId}/peers";

    private final RestClient portal;
    private final String baseUrl;

    PortalThreadDirectory(RestClient portal, String baseUrl) {
        this.portal = portal;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean knowsThreads() {
        return true;
    }

    @Override
    public boolean isMember(String threadId, String userId) {
        return userId != null && members(threadId).contains(userId);
    }

    @Override
    public List<String> members(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        return userIdsAt(MEMBERS_PATH, threadId);
    }

    /**
     * {@code GET {CONVENE_PORTAL_URL}/api/users/{userId}/peers}: a JSON array of the user ids the user
     * shares a conversation or channel with; 404 (a user the portal does not know) is nobody.
     */
    @Override
    public List<String> peersOf(String userId) {
        Objects.requireNonNull(userId, "userId");
        return userIdsAt(PEERS_PATH, userId);
    }

    private List<String> userIdsAt(String path, String id) {
        String what = "GET " + baseUrl + path.replaceFirst("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(id));
        Answer answer;
        try {
            answer = portal.get().uri(path, id).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == 404) {
                            return new Answer(false, null); // a thread (or user) the portal does not know: nobody
                        }
                        if (!status.is2xxSuccessful()) {
                            throw new ThreadDirectoryUnavailableException("the portal answered " + status.value()
                                    + " to " + what);
                        }
                        return new Answer(true, response.bodyTo(JsonNode.class));
                    });
        } catch (RestClientException e) {
            throw new ThreadDirectoryUnavailableException("the portal did not answer " + what + ": " + e.getMessage(), e);
        }
        return answer.known() ? userIds(answer.body(), what) : List.of();
    }

    private record Answer(boolean known, JsonNode body) {}

    private static List<String> userIds(JsonNode answer, String what) {
        if (answer == null || !answer.isArray()) {
            throw new ThreadDirectoryUnavailableException("the portal answered " + what + " with something other "
                    + "than a JSON array of user ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : answer) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new ThreadDirectoryUnavailableException("the portal answered " + what + " with an array that "
                        + "holds something other than user ids: " + id);
            }
            ids.add(id.asText());
        }
        return List.copyOf(ids);
    }
}
