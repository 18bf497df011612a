package io.convene.application.shared;

/** The request is fine but the thing's state does not allow it now: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
