package io.convene.application.meeting;

import io.convene.domain.meeting.Meeting;

/**
 * Told, in the caller's transaction, when nobody of the portal is in a meeting or call any more
 * (the last one left, was removed, or it ended) and when one is back in the emptied meeting.
 * Guests are removed after a grace when their hosts are gone (application/guest).
 */
public interface InternalAttendanceListener {

    void lastInternalLeft(Meeting meeting);

    void internalRejoined(Meeting meeting);
}
