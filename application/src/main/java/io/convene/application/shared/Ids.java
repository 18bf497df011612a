package io.convene.application.shared;

import io.convene.domain.meeting.MeetingId;

/** Reads the typed ids out of what callers send, as a 400 naming the field. */
public final class Ids {

    private Ids() {}

    public static MeetingId meetingId(String field, String value) {
        if (!MeetingId.isValid(value)) {
            throw new InvalidInputException(field, "must look like mtg_<uuid> or call_<uuid>");
        }
        return new MeetingId(value);
    }

    public static MeetingId callId(String field, String value) {
        if (!MeetingId.isValid(value)) {
            throw new InvalidInputException(field, "must look like call_<uuid>");
        }
        return new MeetingId(value);
    }
}
