package io.convene.application.call;

import io.convene.domain.meeting.ParticipantEvent;
import io.convene.application.meeting.Attendance;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.user.DirectoryUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Joining, leaving and ending a call: a meeting's {@link Attendance} behind the call rules.
 * Each method is one transaction; the portal is asked before it opens.
 */
@Service
public class CallAttendance {

    private final CallPolicy policy;
    private final ThreadMembership threads;
    private final Attendance attendance;
    private final Meetings meetings;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    CallAttendance(CallPolicy policy, ThreadMembership threads, Attendance attendance, Meetings meetings,
                   EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.policy = policy;
        this.threads = threads;
        this.attendance = attendance;
        this.meetings = meetings;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Seed 001: join the call's Jitsi room; 403 for someone not in the call's thread. With a
     * portal, a member of the thread the call did not ring joins too (and is in the call from
     * then on); without one, only the members named at start join.
     */
    public JoinView joinAsMember(MeetingId callId, Actor actor, String deviceInfo) {
        String threadId = work.read(() -> policy.call(callId).threadId());
        boolean portalDecides = threads.portalDecides(threadId);
        boolean portalMember = portalDecides && threads.isMember(threadId, actor); // the network, before the transaction
        return work.write(() -> {
            Meeting call = policy.memberCall(callId, actor, portalDecides, portalMember);
            if (call.participant(actor.id()).isEmpty()) {
                addThreadMember(call, actor);
            }
            return attendance.join(callId, actor, deviceInfo);
        });
    }

    public Meeting leave(MeetingId callId, Actor actor) {
        return work.write(() -> {
            policy.visibleCall(callId, actor);
            return attendance.leave(callId, actor);
        });
    }

    /** End the call for everyone (the initiator or an org admin); rings stop. */
    public Meeting end(MeetingId callId, Actor actor) {
        return work.write(() -> {
            policy.visibleCall(callId, actor);
            return attendance.end(callId, actor);
        });
    }

    public Meeting get(MeetingId callId, Actor actor) {
        return work.read(() -> policy.visibleCall(callId, actor));
    }

    private void addThreadMember(Meeting call, Actor actor) {
        DirectoryUser member = new DirectoryUser(actor.id(), actor.username(), actor.displayName(), actor.email());
        call.invite(List.of(member), clock.instant());
        meetings.save(call);
        outbox.append(new ParticipantEvent.Invited(call.id(), member.id(), member.displayName(), member.id(), true,
                call.threadId()));
    }
}
