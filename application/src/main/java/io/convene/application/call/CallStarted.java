package io.convene.application.call;

import io.convene.domain.meeting.Meeting;
import java.util.List;

/** A call that rings: who is rung now (online) and who is not reachable (offline). */
public record CallStarted(Meeting call, List<String> ringing, List<String> unreachable) {
}
