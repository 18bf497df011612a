package io.convene.application.shared;

/** One invalid field of a request: which one (a JSON path such as {@code participantIds[2]}) and why. */
public record FieldError(String field, String reason) {
}
