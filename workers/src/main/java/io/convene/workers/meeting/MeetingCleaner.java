package io.convene.workers.meeting;

import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.notification.Notifications;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Deletes a meeting with its participants, chat and notifications; its summary (if it ended) stays. */
@Component
class MeetingCleaner {

    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final Notifications notifications;
    private final Clock clock;

    MeetingCleaner(Meetings meetings, MeetingSummaries summaries, Notifications notifications, Clock clock) {
        this.meetings = meetings;
        this.summaries = summaries;
        this.notifications = notifications;
        this.clock = clock;
    }

    void cleanUp(String meetingId) {
        Meeting meeting = meetings.findById(meetingId).orElse(null);
        if (meeting == null) {
            return; // cleaned already: a retried job
        }
        if (meeting.close(clock.instant())) {
            meeting = meetings.save(meeting); // the sweep found it still running: its process is gone
        }
        if (meeting.status() == MeetingStatus.ENDED && !summaries.exists(meetingId)) {
            summaries.record(meeting, clock.instant());
        }
        notifications.deleteTransient(meetingId);
        meetings.delete(meeting);
    }
}
