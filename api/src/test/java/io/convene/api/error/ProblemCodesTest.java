package io.convene.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The {@code error} code of a problem: by its status, unless it names a specific one. */
class ProblemCodesTest {

    @Test
    void each_status_the_api_answers_has_its_short_code() {
        assertThat(ProblemCodes.forStatus(400)).isEqualTo("invalid_request");
        assertThat(ProblemCodes.forStatus(401)).isEqualTo("unauthorized");
        assertThat(ProblemCodes.forStatus(403)).isEqualTo("forbidden");
        assertThat(ProblemCodes.forStatus(404)).isEqualTo("not_found");
        assertThat(ProblemCodes.forStatus(409)).isEqualTo("conflict");
        assertThat(ProblemCodes.forStatus(413)).isEqualTo("payload_too_large");
        assertThat(ProblemCodes.forStatus(429)).isEqualTo("rate_limited");
        assertThat(ProblemCodes.forStatus(500)).isEqualTo("internal_error");
        assertThat(ProblemCodes.forStatus(503)).isEqualTo("unavailable");
    }

    @Test
    void a_status_without_an_entry_is_named_by_its_reason_and_an_unknown_one_by_its_class() {
        assertThat(ProblemCodes.forStatus(502)).isEqualTo("bad_gateway");
        assertThat(ProblemCodes.forStatus(599)).isEqualTo("internal_error");
        assertThat(ProblemCodes.forStatus(499)).isEqualTo("invalid_request");
    }

    @Test
    void a_specific_code_is_kept() {
        ProblemDetail problem = ProblemCodes.coded(ProblemDetail.forStatus(HttpStatus.CONFLICT), ProblemCodes.NOT_REACHABLE);

        assertThat(ProblemCodes.coded(problem).getProperties()).containsEntry("error", "not_reachable");
        assertThat(ProblemCodes.coded(ProblemDetail.forStatus(HttpStatus.CONFLICT)).getProperties())
                .containsEntry("error", "conflict");
    }
}
