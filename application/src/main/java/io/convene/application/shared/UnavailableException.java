package io.convene.application.shared;

/** A dependency the request needs is not configured or not reachable: 503. */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
