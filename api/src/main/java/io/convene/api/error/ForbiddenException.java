package io.convene.api.error;

/** The caller may see the object but not do this with it: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
