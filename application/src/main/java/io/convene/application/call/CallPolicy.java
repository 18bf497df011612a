package io.convene.application.call;

import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import org.springframework.stereotype.Component;

/**
 * The call rules on top of {@link MeetingPolicy} (a call is a meeting): only calls pass,
 * seed 001's thread join is for the thread's members (403 for others), and only someone in
 * the call adds people to it or rings them again.
 */
@Component
public class CallPolicy {

    private final MeetingPolicy meetings;
    private final Meetings all;

    CallPolicy(MeetingPolicy meetings, Meetings all) {
        this.meetings = meetings;
        this.all = all;
    }

    /** The call as {@code actor} may see it, or 404 (also for a meeting's id). */
    public Meeting visibleCall(MeetingId id, Actor actor) {
        Meeting call = meetings.visible(id, actor);
        if (!call.isInstantCall()) {
            throw new NotFoundException("call", id);
        }
        return call;
    }

    /** Whether {@code actor} may see this loaded call (outsiders and meetings: no, 404). */
    boolean maySeeCall(Meeting call, Actor actor) {
        return call.isInstantCall() && meetings.maySee(call, actor);
    }

    /**
     * The call as {@code actor} may see it, its row locked until the transaction ends (or 404):
     * for answers, which must not interleave with the ring's timeout.
     */
    Meeting lockedVisibleCall(MeetingId id, Actor actor) {
        all.findLockedById(id);
        return visibleCall(id, actor);
    }

    /** Any call by its id, or 404: seed 001's join tells a non-member that the call exists (403). */
    Meeting call(MeetingId id) {
        return all.findById(id).filter(Meeting::isInstantCall).orElseThrow(() -> new NotFoundException("call", id));
    }

    /**
     * Seed 001: a call of a thread is joined by the thread's members. When the portal decides
     * ({@code portalDecides}), {@code portalMember} is its answer, asked before the transaction;
     * otherwise the call's members are the ones named when it started (its participants).
     */
    Meeting memberCall(MeetingId id, Actor actor, boolean portalDecides, boolean portalMember) {
        Meeting call = call(id);
        boolean member = portalDecides ? portalMember : call.participant(actor.id()).isPresent();
        if (!member) {
            throw new ForbiddenException("You are not a member of this call's thread.");
        }
        return call;
    }

    void requireInCall(Meeting call, Actor actor) {
        if (!actor.isAdmin() && !call.participant(actor.id()).map(Participant::isPresent).orElse(false)) {
            throw new ForbiddenException("Only someone in the call can add or ring people.");
        }
    }

    void requireInProgress(Meeting call) {
        if (call.status() != MeetingStatus.IN_PROGRESS) {
            throw new ConflictException("The call is " + call.status().name().toLowerCase() + ".");
        }
    }
}
