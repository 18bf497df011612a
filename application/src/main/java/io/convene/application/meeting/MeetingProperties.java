package io.convene.application.meeting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for what a meeting request may ask (the meetings' clocks themselves live in the BPMN).
 *
 * @param defaultDuration length of a meeting given without end or duration (seed 000: 30 min)
 * @param longest         the longest meeting one may schedule
 * @param upcomingWindow  how far ahead {@code GET /api/meetings/upcoming} looks (seed 002: 24 h)
 * @param pastWindow      how far back the Past list looks without {@code since} (seed 002: ended in the last 8 h)
 * @param maxInviteesPerRequest how many user ids one request may name ({@code participantIds}); each
 *                        unknown one costs an identity-provider look-up
 * @param defaultMaxParticipants the participant cap of a meeting or call that sets no {@code maxParticipants}
 */
@ConfigurationProperties("convene.meetings")
public record MeetingProperties(@DefaultValue("30m") Duration defaultDuration,
                                @DefaultValue("24h") Duration longest,
                                @DefaultValue("24h") Duration upcomingWindow,
                                @DefaultValue("8h") Duration pastWindow,
                                @DefaultValue("100") int maxInviteesPerRequest,
                                @DefaultValue("1000") int defaultMaxParticipants) {
}
