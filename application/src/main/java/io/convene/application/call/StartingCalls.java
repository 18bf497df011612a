package io.convene.application.call;

import io.convene.domain.meeting.ParticipantEvent;
import io.convene.domain.meeting.CallEvent;
import io.convene.application.call.CallMeters.Kind;
import io.convene.application.meeting.MeetingInputs;
import io.convene.application.presence.Presence;
import io.convene.application.shared.Actor;
import io.convene.application.shared.CommittedCounter;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.call.InstantCallGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Calling people now (seed 002 §2, seed 001): the call, its events, and the instant-call
 * process that rings. A call rings someone or is not made: when nobody named is online, it is
 * refused (409, {@link CalleesNotReachableException}) and no call is written — only, for a 1:1
 * call, the callee's "… tried to call you" notice (seed 002, scenario 2).
 */
@Service
public class StartingCalls {

    private final Presence presence;

    private static final int MAX_TITLE = 200;

    private final Meetings meetings;
    private final MeetingInputs inputs;
    private final ThreadMembership threads;
    private final Ringing ringing;
    private final InstantCallGateway process;
    private final ConferenceAccess conference;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;
    private final CommittedCounter placed;

    StartingCalls(Meetings meetings, MeetingInputs inputs, ThreadMembership threads, Ringing ringing,
                  InstantCallGateway process, ConferenceAccess conference, EventOutbox outbox, UnitOfWork work,
                  Clock clock, Presence presence, MeterRegistry meters) {
        this.placed = CallMeters.placed(meters, Kind.INSTANT);
        this.presence = presence;
        this.meetings = meetings;
        this.inputs = inputs;
        this.threads = threads;
        this.ringing = ringing;
        this.process = process;
        this.conference = conference;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Seed 002: call these people now — {@code POST /api/calls/instant}, and the same for seed
     * 002's {@code createMeeting(isInstantCall: true, …)}. Looks the callees up first (a network
     * call; {@code field} names them in errors), then writes the call in one transaction.
     * {@code title}: the call's title (seed 002's client sends {@code 'Call'}); null or blank =
     * "Call with …" the callees; cut to a meeting title's 200 characters.
     */
    public CallStarted start(String field, List<String> calleeIds, String title, CallOrigin origin, Actor actor) {
        List<DirectoryUser> callees = callees(field, calleeIds, true, actor);
        return placed(work.write(() -> start(callees, title, origin, List.of(), actor)));
    }

    /**
     * Seed 001: call a thread's members ({@code memberIds}, or, with a portal, the whole thread).
     * The portal is asked who is in the thread and the callees are looked up before the
     * transaction opens; a caller who is not in the thread is refused (403).
     */
    public CallStarted startInThread(String threadId, List<String> memberIds, String callType, Actor actor) {
        ThreadMembership.Callees members = threads.forStart(threadId, memberIds, actor);
        List<DirectoryUser> callees = callees("memberIds", members.ids(), members.named(), actor);
        return placed(work.write(() -> start(callees, null, new CallOrigin(callType, null, threadId),
                members.threadMembers(), actor)));
    }

    /** A call made, or refused: then the transaction commits what a refusal writes, and the refusal is thrown after. */
    private record Placement(CallStarted started, CalleesNotReachableException refused) {}

    private static CallStarted placed(Placement placement) {
        if (placement.refused() != null) {
            throw placement.refused();
        }
        return placement.started();
    }

    private Placement start(List<DirectoryUser> callees, String title, CallOrigin origin, List<String> threadMembers,
                            Actor actor) {
        Ringing.Reach reach = ringing.reach(callees.stream().map(DirectoryUser::id).toList());
        DirectoryUser caller = new DirectoryUser(actor.id(), actor.username(), actor.displayName(), actor.email());
        if (reach.ringing().isEmpty()) {
            // no call row, process or call event. A 1:1 callee is told "… tried to call you" (scenario 2);
            // the members of a group call of which nobody is online get nothing (scenario 3)
            if (callees.size() == 1) {
                ringing.attempted(caller, callees.get(0), origin);
            }
            return new Placement(null, new CalleesNotReachableException(reach.unreachable(),
                    callees.stream().map(DirectoryUser::displayName).toList()));
        }
        Instant now = clock.instant();
        Meeting made = Meeting.call(MeetingId.newCall(), title(title, callees), origin, caller, callees,
                process.maximumDuration(), now);
        made.trackedBySocket(caller.id(), presence.hasLiveSocket(caller.id())); // as every join (Attendance.join)
        Meeting call = meetings.save(made);
        String callId = call.id().value();
        outbox.append(new CallEvent.Started(call.id(), caller.id(), caller.displayName(), origin.callType(),
                callees.stream().map(DirectoryUser::id).toList(), origin.sourceChannelId(), origin.threadId(),
                call.roomKey(), threadMembers));
        outbox.append(new ParticipantEvent.Joined(call.id(), caller.id(), caller.displayName(), true));
        ringing.notReachable(call, reach);
        presence.inCallMayHaveChanged(caller.id()); // the caller is in the call at once
        process.started(callId, caller.id(), reach.ringing());
        placed.increment(); // when this transaction commits: a start run again after a lost race counts once
        return new Placement(new CallStarted(call, reach.ringing(), reach.unreachable(),
                conference.jitsiRoomUrl(call.roomKey())), null);
    }

    private static String title(String given, List<DirectoryUser> callees) {
        String title = given == null || given.isBlank()
                ? "Call with " + callees.stream().map(DirectoryUser::displayName).collect(Collectors.joining(", "))
                : given.strip();
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }

    /**
     * The callees as the directory knows them, without the caller. An unknown id the caller
     * named is their error; one the portal named (a thread rung whole) is skipped.
     */
    private List<DirectoryUser> callees(String field, List<String> ids, boolean named, Actor caller) {
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> callees = new ArrayList<>(inputs.users(field, ids, errors));
        callees.removeIf(callee -> callee.id().equals(caller.id()));
        if (!named) {
            errors.clear();
        }
        if (errors.isEmpty() && callees.isEmpty()) {
            errors.add(new FieldError(named ? field : "threadId", named ? "must name someone other than yourself"
                    : "has nobody else to call"));
        }
        InvalidInputException.throwIfAny(errors);
        return callees;
    }
}
