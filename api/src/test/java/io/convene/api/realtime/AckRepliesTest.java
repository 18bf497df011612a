package io.convene.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.application.shared.NotFoundException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A socket's problem acks carry the same short {@code error} code as their REST twins. */
class AckRepliesTest {

    @Test
    void a_problem_ack_names_its_code_beside_its_status() {
        Map<?, ?> notFound = (Map<?, ?>) AckReplies.of(new NotFoundException("meeting", "mtg_1")).get("problem");
        Map<?, ?> busy = (Map<?, ?>) AckReplies.problem(503, "Service Unavailable", "busy; try again").get("problem");

        assertThat(notFound.get("status")).isEqualTo(404);
        assertThat(notFound.get("error")).isEqualTo("not_found");
        assertThat(busy.get("error")).isEqualTo("unavailable");
        assertThat(((Map<?, ?>) AckReplies.badRequest("userIds: too many").get("problem")).get("error"))
                .isEqualTo("invalid_request");
    }
}
