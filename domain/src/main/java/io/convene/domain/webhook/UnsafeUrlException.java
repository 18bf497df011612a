package io.convene.domain.webhook;

/** A webhook URL the egress rules refuse; the message says why (no secret, no address internals beyond the rule). */
public class UnsafeUrlException extends RuntimeException {

    public UnsafeUrlException(String message) {
        super(message);
    }
}
