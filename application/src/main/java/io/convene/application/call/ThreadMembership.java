package io.convene.application.call;

import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnavailableException;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Seed 001's thread rules, asked of the portal ({@link ThreadDirectory}) before a transaction
 * opens: only a member of a thread starts a call in it (403 otherwise) and joins it. Without a
 * portal, nobody can tell who is in a thread: a thread call's members are the ones named when it
 * starts, and only they may join. A portal that does not answer is a 503, and nothing is written.
 */
@Component
class ThreadMembership {

    /** The most callees one start rings: a request names at most this many, and a thread rung whole may have no more. */
    static final int MOST_CALLEES = 50;

    /** The most thread members one call's banner ({@code call.started}) is pushed to. */
    static final int MOST_NOTIFIED = 500;

    /**
     * Whom to call, whether they were named by the caller (then an unknown id is the caller's error), and
     * the thread's members as known now (seed 001's {@code ws.notifyThread}: they see the call's banner) —
     * the portal's answer, or without a portal the caller and the members named; at most
     * {@value #MOST_NOTIFIED}.
     */
    record Callees(List<String> ids, boolean named, List<String> threadMembers) {}

    private final ThreadDirectory threads;

    ThreadMembership(ThreadDirectory threads) {
        this.threads = threads;
    }

    /**
     * Whom a call in {@code threadId} rings: the members named ({@code memberIds}), who must be
     * in the thread; or, if none is named, every other member of the thread. Without a portal the
     * members must be named.
     */
    Callees forStart(String threadId, List<String> memberIds, Actor caller) {
        boolean named = memberIds != null && !memberIds.isEmpty();
        if (!threads.knowsThreads()) {
            if (!named) {
                throw new InvalidInputException("memberIds", "must name whom to call: no portal is configured to "
                        + "tell who is in thread " + threadId);
            }
            return new Callees(memberIds, true, notified(caller.id(), memberIds));
        }
        Set<String> members = new LinkedHashSet<>(members(threadId));
        if (!members.contains(caller.id())) {
            throw new ForbiddenException("You are not a member of thread " + threadId + ".");
        }
        if (named) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < memberIds.size(); i++) {
                if (!members.contains(memberIds.get(i))) {
                    errors.add(new FieldError("memberIds[" + i + "]", "is not a member of thread " + threadId));
                }
            }
            InvalidInputException.throwIfAny(errors);
            return new Callees(memberIds, true, notified(caller.id(), members));
        }
        List<String> others = members.stream().filter(id -> !id.equals(caller.id())).toList();
        if (others.isEmpty()) {
            throw new InvalidInputException("threadId", "has nobody else to call");
        }
        if (others.size() > MOST_CALLEES) {
            throw new InvalidInputException("memberIds", "thread " + threadId + " has " + others.size()
                    + " other members; name at most " + MOST_CALLEES + " to call");
        }
        return new Callees(others, false, notified(caller.id(), members));
    }

    /** The caller first, then the other members, at most {@value #MOST_NOTIFIED}. */
    private static List<String> notified(String callerId, java.util.Collection<String> members) {
        Set<String> notified = new LinkedHashSet<>();
        notified.add(callerId);
        notified.addAll(members);
        return notified.stream().limit(MOST_NOTIFIED).toList();
    }

    /** Whether thread membership is the portal's to say (else: the call's named members). */
    boolean portalDecides(String threadId) {
        return threadId != null && threads.knowsThreads();
    }

    /** Asked of the portal: is {@code actor} in the thread now? */
    boolean isMember(String threadId, Actor actor) {
        try {
            return threads.isMember(threadId, actor.id());
        } catch (ThreadDirectoryUnavailableException e) {
            throw unavailable(threadId, e);
        }
    }

    private List<String> members(String threadId) {
        try {
            return threads.members(threadId);
        } catch (ThreadDirectoryUnavailableException e) {
            throw unavailable(threadId, e);
        }
    }

    private static UnavailableException unavailable(String threadId, ThreadDirectoryUnavailableException e) {
        return new UnavailableException("The portal did not say who is in thread " + threadId
                + "; nothing was changed, try again.", e);
    }
}
