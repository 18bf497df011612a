package io.convene.domain.meeting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Id of a meeting ({@code mtg_<uuid>}) or an instant call ({@code call_<uuid>}): one table, one id type.
 * Written as its plain string (JSON, the database, process business keys).
 */
public record MeetingId(String value) {

    private static final Pattern FORMAT = Pattern.compile("(mtg|call)_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MeetingId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a meeting or call id: " + value);
        }
    }

    public static MeetingId newMeeting() {
        return new MeetingId("mtg_" + UUID.randomUUID());
    }

    public static MeetingId newCall() {
        return new MeetingId("call_" + UUID.randomUUID());
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** True for an instant call's id. */
    public boolean isCall() {
        return value.startsWith("call_");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
