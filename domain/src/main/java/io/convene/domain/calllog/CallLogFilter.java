package io.convene.domain.calllog;

import java.time.Instant;

/**
 * Which rows of the call log: one user's ({@code userId}) or the org's (null); a direction
 * ({@code in | out}), a status, a time range on the start ({@code from} inclusive, {@code to}
 * exclusive). Null means "any".
 */
public record CallLogFilter(String userId, String direction, String status, Instant from, Instant to) {
}
