package io.convene.application.call;

import io.convene.domain.meeting.Meeting;
import java.util.List;

/**
 * A call that rings: who is rung now (online), who is not reachable (offline), and where a
 * browser opens its Jitsi room (seed 001's {@code joinUrl}).
 */
public record CallStarted(Meeting call, List<String> ringing, List<String> unreachable, String joinUrl) {
}
