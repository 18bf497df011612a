package io.convene.domain.conference;

/**
 * What a participant may and must do with their media when they enter the room, from the meeting's
 * settings ({@code voiceOnly}, {@code muteOnJoin}), their mute (Sc6.3) and their role's flags
 * (seed 002's {@code meeting_roles}). Jitsi gets it as the token's {@code context.features} and the
 * room URL's config hints; an INTERNAL room's client reads it from the join answer.
 */
public record MediaPolicy(boolean audioOnly, boolean startAudioMuted, boolean startVideoMuted,
                          boolean screenSharing, boolean camera, boolean microphone, boolean recording) {

    /** Everything allowed, nothing forced: a participant of a meeting without settings. */
    public static final MediaPolicy OPEN = new MediaPolicy(false, false, false, true, true, true, false);
}
