package io.convene.domain.meeting;

import java.util.UUID;
import java.util.regex.Pattern;

/** Ids of meetings ({@code mtg_<uuid>}) and instant calls ({@code call_<uuid>}), one table for both. */
public final class MeetingId {

    private static final Pattern FORMAT = Pattern.compile("(mtg|call)_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private MeetingId() {}

    public static String newMeeting() {
        return "mtg_" + UUID.randomUUID();
    }

    public static String newCall() {
        return "call_" + UUID.randomUUID();
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
