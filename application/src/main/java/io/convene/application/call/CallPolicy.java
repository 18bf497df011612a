package io.convene.application.call;

import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import org.springframework.stereotype.Component;

/**
 * The call rules on top of {@link MeetingPolicy} (a call is a meeting): only calls pass,
 * seed 001's thread join is for the call's members (403 for others), and only someone in the
 * call adds people to it.
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

    /** Seed 001: a call of a thread is joined by its members; others learn it exists (403). */
    Meeting memberCall(MeetingId id, Actor actor) {
        Meeting call = all.findById(id).filter(Meeting::isInstantCall)
                .orElseThrow(() -> new NotFoundException("call", id));
        if (call.participant(actor.id()).isEmpty()) {
            throw new ForbiddenException("You are not a member of this call's thread.");
        }
        return call;
    }

    void requireInCall(Meeting call, Actor actor) {
        if (!actor.isAdmin() && !call.participant(actor.id()).map(Participant::isPresent).orElse(false)) {
            throw new ForbiddenException("Only someone in the call can add people to it.");
        }
    }
}
