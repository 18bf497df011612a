package io.convene.api.call;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.ConflictException;
import io.convene.api.error.FieldError;
import io.convene.api.error.ForbiddenException;
import io.convene.api.error.NotFoundException;
import io.convene.api.meeting.MeetingInputs;
import io.convene.api.meeting.MeetingPolicy;
import io.convene.api.presence.PresenceService;
import io.convene.api.security.CurrentUser;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Messages;
import io.convene.processes.call.InstantCallProcess.Variables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instant calls: start (ringing every online invitee through the instant-call
 * process), accept, decline, invite mid-call. Each method is one transaction
 * with its events and process messages.
 */
@Service
class CallService {

    record Started(Meeting call, List<String> ringing, List<String> unreachable) {}

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final PresenceService presence;
    private final EventOutbox outbox;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final Clock clock;
    private final MeetingInputs inputs;
    private final TransactionTemplate transactions;

    CallService(Meetings meetings, MeetingPolicy policy, MeetingInputs inputs, PresenceService presence,
                EventOutbox outbox, Notifications notifications, RuntimeService runtime, Clock clock,
                TransactionTemplate transactions) {
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.transactions = transactions;
        this.presence = presence;
        this.outbox = outbox;
        this.notifications = notifications;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Looks the callees up first (a network call), then writes the call in one transaction. */
    Started start(String field, List<String> calleeIds, CallOrigin origin, CurrentUser user) {
        List<DirectoryUser> callees = callees(field, calleeIds, user);
        return transactions.execute(tx -> start(callees, origin, user));
    }

    private Started start(List<DirectoryUser> callees, CallOrigin origin, CurrentUser user) {
        Instant now = clock.instant();
        DirectoryUser caller = new DirectoryUser(user.id(), user.username(),
                user.name() != null ? user.name() : user.username(), user.email());
        String title = "Call with " + callees.stream().map(DirectoryUser::displayName).collect(Collectors.joining(", "));
        Meeting call = meetings.save(Meeting.call(MeetingId.newCall(), title.length() > 200 ? title.substring(0, 200) : title,
                origin, caller, callees, now));
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("callId", call.id());
        started.put("callerId", caller.id());
        started.put("callType", origin.callType());
        started.put("participantIds", callees.stream().map(DirectoryUser::id).toList());
        if (origin.sourceChannelId() != null) {
            started.put("sourceChannelId", origin.sourceChannelId());
        }
        if (origin.threadId() != null) {
            started.put("threadId", origin.threadId());
        }
        outbox.append("call.started", call.id(), started);
        outbox.append("participant.joined", call.id(), Map.of("meetingId", call.id(), "userId", caller.id(),
                "displayName", caller.displayName()));
        List<String> ringing = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        split(callees, ringing, unreachable);
        unreachable.forEach(id -> missedBecauseOffline(call, id, now));
        runtime.startProcessInstanceByKey(InstantCallProcess.KEY, call.id(),
                Map.of(Variables.RINGEES, ringing, Variables.CALLER, caller.id()));
        return new Started(call, ringing, unreachable);
    }

    @Transactional
    Meeting accept(String callId, CurrentUser user) {
        Meeting call = visibleCall(callId, user);
        call.respond(user.id(), true);
        Meeting saved = meetings.save(call);
        ring(callId, user.id(), Messages.RING_ACCEPTED);
        outbox.append("call.accepted", callId, Map.of("callId", callId, "userId", user.id()));
        return saved;
    }

    @Transactional
    Meeting decline(String callId, CurrentUser user) {
        Meeting call = visibleCall(callId, user);
        call.respond(user.id(), false);
        Meeting saved = meetings.save(call);
        ring(callId, user.id(), Messages.RING_DECLINED);
        String name = call.participant(user.id()).map(Participant::displayName).orElse(user.id());
        notifications.addOnce(call.createdBy(), "call.declined." + user.id(), callId, name + " declined the call",
                Map.of("callId", callId, "userId", user.id()), clock.instant(), null);
        outbox.append("call.declined", callId, Map.of("callId", callId, "userId", user.id(), "callerId", call.createdBy()));
        return saved;
    }

    /** Adds people mid-call: same call id, rung by the same rules. */
    Started invite(String callId, List<String> userIds, CurrentUser user) {
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> users = inputs.users("participantIds", userIds, errors); // before the transaction
        return transactions.execute(tx -> {
            Meeting call = visibleCall(callId, user);
            if (!user.isAdmin() && !call.participant(user.id()).map(Participant::isPresent).orElse(false)) {
                throw new ForbiddenException("Only someone in the call can add people to it.");
            }
            MeetingInputs.throwIfAny(errors);
            return invite(call, users, user);
        });
    }

    private Started invite(Meeting call, List<DirectoryUser> users, CurrentUser user) {
        String callId = call.id();
        Instant now = clock.instant();
        List<DirectoryUser> added = call.invite(users, now);
        Meeting saved = meetings.save(call);
        List<String> ringing = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        split(added, ringing, unreachable);
        for (DirectoryUser invitee : added) {
            outbox.append("participant.invited", callId, Map.of("meetingId", callId, "userId", invitee.id(),
                    "displayName", invitee.displayName(), "invitedBy", user.id(), "live", true));
        }
        for (String callee : ringing) {
            runtime.createMessageCorrelation(Messages.INVITE).processInstanceBusinessKey(callId)
                    .setVariableToTriggeredScope(Variables.CALLEE, callee).correlate(); // the event subprocess's own
        }
        unreachable.forEach(id -> missedBecauseOffline(saved, id, now));
        return new Started(saved, ringing, unreachable);
    }

    Meeting visibleCall(String callId, CurrentUser user) {
        if (!MeetingId.isValid(callId)) {
            throw new BadRequestException("callId", "must look like call_<uuid>");
        }
        Meeting call = policy.visible(meetings.findById(callId), callId, user);
        if (!call.isInstantCall()) {
            throw new NotFoundException("call", callId);
        }
        return call;
    }

    private void ring(String callId, String calleeId, String message) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(callId)
                    .processInstanceVariableEquals(Variables.CALLEE, calleeId).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("The call is not ringing you any more.");
        }
    }

    private void split(List<DirectoryUser> callees, List<String> ringing, List<String> unreachable) {
        Set<String> online = presence.online(callees.stream().map(DirectoryUser::id).toList());
        for (DirectoryUser callee : callees) {
            (online.contains(callee.id()) ? ringing : unreachable).add(callee.id());
        }
    }

    /** An offline invitee is not rung: a missed-call notice for them, "not reachable" for the caller. */
    private void missedBecauseOffline(Meeting call, String calleeId, Instant now) {
        String name = call.participant(calleeId).map(Participant::displayName).orElse(calleeId);
        notifications.addOnce(calleeId, "call.missed", call.id(), "Missed call",
                Map.of("callId", call.id(), "callerId", call.createdBy()), now, null);
        notifications.addOnce(call.createdBy(), "call.unreachable." + calleeId, call.id(), name + " is not reachable",
                Map.of("callId", call.id(), "calleeId", calleeId), now, null);
        outbox.append("call.missed", call.id(), Map.of("callId", call.id(), "calleeId", calleeId,
                "callerId", call.createdBy(), "reason", "offline"));
    }

    private List<DirectoryUser> callees(String field, List<String> ids, CurrentUser caller) {
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> callees = new ArrayList<>(inputs.users(field, ids, errors));
        callees.removeIf(callee -> callee.id().equals(caller.id()));
        if (errors.isEmpty() && callees.isEmpty()) {
            errors.add(new FieldError(field, "must name someone other than yourself"));
        }
        MeetingInputs.throwIfAny(errors);
        return callees;
    }
}
