package io.convene.application.shared;

/** The caller knows the thing but may not do this with it: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
