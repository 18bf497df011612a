package io.convene.application.call;

import io.convene.application.meeting.Attendance;
import io.convene.application.meeting.MeetingResults.JoinView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import org.springframework.stereotype.Service;

/**
 * Joining, leaving and ending a call: a meeting's {@link Attendance} behind the call rules.
 * Each method is one transaction.
 */
@Service
public class CallAttendance {

    private final CallPolicy policy;
    private final Attendance attendance;
    private final UnitOfWork work;

    CallAttendance(CallPolicy policy, Attendance attendance, UnitOfWork work) {
        this.policy = policy;
        this.attendance = attendance;
        this.work = work;
    }

    /** Seed 001: join the call's Jitsi room; 403 for someone not in the call's thread. */
    public JoinView joinAsMember(MeetingId callId, Actor actor, String deviceInfo) {
        return work.write(() -> {
            policy.memberCall(callId, actor);
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
}
