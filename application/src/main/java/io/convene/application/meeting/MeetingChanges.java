package io.convene.application.meeting;

import io.convene.domain.meeting.MeetingDetails;
import io.convene.domain.meeting.Provider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a caller asks of a meeting: a new one, or a change where {@code null} keeps the current value. */
public final class MeetingChanges {

    private MeetingChanges() {}

    public record NewMeeting(String title, String description, Instant startTime, Instant endTime,
                             Integer durationMinutes, Provider provider, String externalUrl, Boolean recordingEnabled,
                             List<String> participantIds, Integer maxParticipants, Boolean allowExternal,
                             Boolean voiceOnly, Boolean muteOnJoin, Boolean waitingRoomEnabled,
                             String participantsField) {

        /** The request field that names the invitees, for errors about them. */
        public String participantsField() {
            return participantsField == null ? "participantIds" : participantsField;
        }
    }

    public record MeetingEdit(String title, String description, Instant startTime, Instant endTime,
                              Integer durationMinutes, String externalUrl, Boolean recordingEnabled,
                              Integer maxParticipants, Boolean allowExternal, Boolean voiceOnly, Boolean muteOnJoin,
                              Boolean waitingRoomEnabled) {}

    public record SettingsEdit(Boolean voiceOnly, Boolean muteOnJoin, Boolean allowExternal, Boolean recordingEnabled,
                               Integer maxParticipants, Boolean waitingRoomEnabled) {}

    /** The fields that differ, for the {@code meeting.updated} event. */
    static Map<String, Object> diff(MeetingDetails old, MeetingDetails now) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "title", old.title(), now.title());
        put(changes, "description", old.description(), now.description());
        put(changes, "startTime", old.startTime(), now.startTime());
        put(changes, "endTime", old.endTime(), now.endTime());
        put(changes, "externalUrl", old.externalUrl(), now.externalUrl());
        put(changes, "recordingEnabled", old.recordingEnabled(), now.recordingEnabled());
        put(changes, "maxParticipants", old.maxParticipants(), now.maxParticipants());
        put(changes, "allowExternal", old.allowExternal(), now.allowExternal());
        put(changes, "voiceOnly", old.voiceOnly(), now.voiceOnly());
        put(changes, "muteOnJoin", old.muteOnJoin(), now.muteOnJoin());
        put(changes, "waitingRoomEnabled", old.waitingRoomEnabled(), now.waitingRoomEnabled());
        return changes;
    }

    static boolean or(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    private static void put(Map<String, Object> changes, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.put(field, now == null ? "" : now.toString());
        }
    }
}
