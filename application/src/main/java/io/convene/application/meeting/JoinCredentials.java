package io.convene.application.meeting;

import static io.convene.application.meeting.MeetingResults.lower;

import io.convene.application.meeting.MeetingResults.JitsiView;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.UnavailableException;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.conference.JitsiJoin;
import io.convene.domain.conference.MediaPolicy;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Participant;
import org.springframework.stereotype.Component;

/** The way into a meeting's room by its provider: the external URL, a Jitsi URL + JWT, or ICE servers. */
@Component
class JoinCredentials {

    private final ConferenceAccess conference;

    JoinCredentials(ConferenceAccess conference) {
        this.conference = conference;
    }

    /**
     * How this participant enters: the meeting's {@code voiceOnly} (audio only, camera off),
     * {@code muteOnJoin} or their own mute (Sc6.3: muted until they unmute themselves), and what
     * their role lets them do (seed 002's {@code meeting_roles} flags).
     */
    static MediaPolicy media(Meeting meeting, Participant participant) {
        MeetingRole role = participant.role();
        return new MediaPolicy(meeting.voiceOnly(), meeting.muteOnJoin() || participant.muted(), meeting.voiceOnly(),
                role.allows(MeetingPermission.SHARE_SCREEN) && !meeting.voiceOnly(),
                role.allows(MeetingPermission.ENABLE_CAMERA) && !meeting.voiceOnly(),
                role.allows(MeetingPermission.ENABLE_MICROPHONE),
                meeting.recordingEnabled() && role != MeetingRole.MEMBER);
    }

    JoinView forParticipant(Meeting meeting, Participant participant, boolean startedNow) {
        String provider = meeting.provider().name();
        String status = lower(meeting.status());
        MediaPolicy media = media(meeting, participant);
        return switch (meeting.provider()) {
            case EXTERNAL -> new JoinView(meeting.id(), provider, status, null, meeting.externalUrl(), null, null,
                    startedNow, media);
            case JITSI -> {
                boolean moderator = participant.role() != MeetingRole.MEMBER;
                try {
                    JitsiJoin jitsi = conference.jitsi(meeting.roomKey(), participant.userId(), participant.displayName(),
                            moderator, media);
                    yield new JoinView(meeting.id(), provider, status, meeting.roomKey(), null,
                            new JitsiView(jitsi.domain(), jitsi.room(), jitsi.url(), jitsi.token(), jitsi.expiresAt()),
                            null, startedNow, media);
                } catch (IllegalStateException e) {
                    throw new UnavailableException("Jitsi is not configured on this server.", e);
                }
            }
            case INTERNAL -> {
                try {
                    yield new JoinView(meeting.id(), provider, status, meeting.roomKey(), null, null,
                            conference.iceServers(participant.userId()), startedNow, media);
                } catch (IllegalStateException e) {
                    throw new UnavailableException("TURN is not configured on this server.", e);
                }
            }
        };
    }
}
