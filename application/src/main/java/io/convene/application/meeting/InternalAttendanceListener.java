package io.convene.application.meeting;

import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;

/**
 * Told, in the caller's transaction, when nobody of the portal is in a meeting or call any more
 * (the last one left, was removed, or it ended), when one is back in the emptied meeting, and
 * when it is cancelled or deleted by hand.
 * Guests are removed after a grace when their hosts are gone (application/guest).
 */
public interface InternalAttendanceListener {

    void lastInternalLeft(Meeting meeting);

    void internalRejoined(Meeting meeting);

    /**
     * The meeting is being cancelled, or it (or a call) is being deleted by hand ({@code deleted}:
     * before its row goes): whatever hangs on it goes now.
     */
    void cancelledOrDeleted(Meeting meeting, boolean deleted);

    /** Its cleanup deleted the ended meeting or call (the row is gone). */
    void cleanedUp(MeetingId id);
}
