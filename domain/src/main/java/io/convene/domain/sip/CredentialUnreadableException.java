package io.convene.domain.sip;

/** A stored SIP password that the configured keyset cannot open. Its message never holds the password. */
public class CredentialUnreadableException extends RuntimeException {

    public CredentialUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
