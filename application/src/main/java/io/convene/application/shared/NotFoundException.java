package io.convene.application.shared;

/**
 * The thing does not exist — or the caller may not know it exists. Outsiders get
 * 404, not 403, so ids of other people's meetings leak nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    /** A 404 that says why in its own words. */
    protected NotFoundException(String message) {
        super(message);
    }
}
