package io.convene.application.call;

import io.convene.application.shared.ConflictException;
import java.util.List;

/**
 * Nobody the caller named is online (seed 002, scenario 2: "Bob isn't available"): no call is
 * made — no call row, no process, no call event (a 1:1 callee gets a "… tried to call you"
 * notice). A 409 ({@code error: not_reachable}): the request is fine, the callees' presence does
 * not allow it now.
 */
public class CalleesNotReachableException extends ConflictException {

    private final List<String> userIds;

    CalleesNotReachableException(List<String> userIds, List<String> names) {
        super(String.join(", ", names) + (names.size() == 1 ? " is" : " are") + " not reachable (offline); no call was made.");
        this.userIds = List.copyOf(userIds);
    }

    /** The callees who are offline: every one named. */
    public List<String> userIds() {
        return userIds;
    }
}
