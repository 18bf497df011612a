package io.convene.api.error;

/** The request is valid but the object's state does not allow it: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
