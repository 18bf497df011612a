package io.convene.api.error;

import java.util.List;

/** Input that is well-formed JSON but not acceptable; reported as 400 naming the fields. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public BadRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("bad request"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
