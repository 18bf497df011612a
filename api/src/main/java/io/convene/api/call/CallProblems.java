package io.convene.api.call;

import io.convene.api.error.ProblemCodes;
import io.convene.application.call.CalleesNotReachableException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The calls API's own problem: a call to people who are all offline (seed 002, scenario 2).
 * A 409 with a type and an {@code error} code ({@code not_reachable}) a client can tell from other
 * conflicts, and the offline user ids. Every
 * other error is the application-wide problem+json advice's.
 */
@RestControllerAdvice(assignableTypes = {InstantCallController.class, ThreadCallController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallProblems {

    static final URI NOT_REACHABLE = URI.create("urn:convene:problem:not-reachable");

    @ExceptionHandler(CalleesNotReachableException.class)
    ProblemDetail notReachable(CalleesNotReachableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(NOT_REACHABLE);
        problem.setTitle("Not reachable");
        problem.setProperty("unreachable", e.userIds());
        return ProblemCodes.coded(problem, ProblemCodes.NOT_REACHABLE);
    }
}
