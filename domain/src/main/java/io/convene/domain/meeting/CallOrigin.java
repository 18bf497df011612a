package io.convene.domain.meeting;

/** How an instant call was started: audio or video, from a channel / 1:1 chat or a thread (seed 001). */
public record CallOrigin(String callType, String sourceChannelId, String threadId) {
}
