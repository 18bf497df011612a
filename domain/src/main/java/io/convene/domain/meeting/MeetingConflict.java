package io.convene.domain.meeting;

/** An action the meeting's current state does not allow (joining a cancelled meeting …): 409. */
public class MeetingConflict extends RuntimeException {

    public MeetingConflict(String reason) {
        super(reason);
    }
}
