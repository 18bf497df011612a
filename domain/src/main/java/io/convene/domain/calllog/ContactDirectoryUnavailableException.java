package io.convene.domain.calllog;

/** The CRM did not answer (in time) or answered something that is not a contact. */
public class ContactDirectoryUnavailableException extends RuntimeException {

    public ContactDirectoryUnavailableException(String message) {
        super(message);
    }

    public ContactDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
