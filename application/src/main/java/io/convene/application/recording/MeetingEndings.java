package io.convene.application.recording;

import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.processes.recording.RecordingFinalisationGateway;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A meeting's or call's end, in its transaction: a recording still collecting chunks is
 * finalised now, without waiting for its quiet period (no recording: nothing happens).
 */
@Component
class MeetingEndings {

    private final RecordingFinalisationGateway finalisation;

    MeetingEndings(RecordingFinalisationGateway finalisation) {
        this.finalisation = finalisation;
    }

    @EventListener
    void meetingEnded(MeetingEvent.Ended ended) {
        finalisation.meetingEnded(ended.meetingId().value());
    }

    @EventListener
    void callEnded(CallEvent.Ended ended) {
        finalisation.meetingEnded(ended.meetingId().value());
    }
}
