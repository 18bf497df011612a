package io.convene.api.error;

/**
 * The thing does not exist — or the caller may not know it exists. Outsiders get
 * 404, not 403, so ids of other people's meetings leak nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
