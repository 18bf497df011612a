package io.convene.api.error;

/** One invalid field of a request: which one (a JSON path such as {@code participants[2].userId}) and why. */
public record FieldError(String field, String reason) {
}
