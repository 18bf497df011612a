package io.convene.domain.thread;

/** The portal did not answer a membership question (down, too slow, or an answer we cannot read). */
public class ThreadDirectoryUnavailableException extends RuntimeException {

    public ThreadDirectoryUnavailableException(String message) {
        super(message);
    }

    public ThreadDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
