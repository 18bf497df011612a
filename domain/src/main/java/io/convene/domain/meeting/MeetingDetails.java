package io.convene.domain.meeting;

import java.time.Instant;

/** What the owner describes about a meeting (validated by the API before it gets here). */
public record MeetingDetails(String title, String description, Instant startTime, Instant endTime, Provider provider,
                             String externalUrl, boolean recordingEnabled, Integer maxParticipants,
                             boolean allowExternal, boolean voiceOnly, boolean muteOnJoin,
                             boolean waitingRoomEnabled) {
}
