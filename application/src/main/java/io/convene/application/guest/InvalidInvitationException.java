package io.convene.application.guest;

import io.convene.application.shared.NotFoundException;

/**
 * The one answer to an invitation token that is unknown, superseded by a newer link, outside its
 * validity window, or of a meeting that ended or was cancelled: nobody can tell which.
 */
public class InvalidInvitationException extends NotFoundException {

    public static final String MESSAGE = "This invitation link is not valid.";

    public InvalidInvitationException() {
        super(MESSAGE);
    }
}
