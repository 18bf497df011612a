package io.convene.api.meeting;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.FieldError;
import io.convene.api.meeting.MeetingRequests.CreateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateMeeting;
import io.convene.api.meeting.MeetingRequests.UpdateSettings;
import io.convene.api.security.CurrentUser;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingDetails;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Provider;
import io.convene.domain.notification.Notifications;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduling, editing, cancelling and deleting meetings. Each method is one
 * transaction: the meeting, its events and its process instance change together
 * or not at all.
 */
@Service
class MeetingService {

    static final List<String> REMINDER_TYPES = List.of(
            "meeting.reminder." + MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE,
            "meeting.reminder." + MeetingLifecycleProcess.REMINDER_AT_START);

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingInputs inputs;
    private final MeetingProcess process;
    private final EventOutbox outbox;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MeetingService(Meetings meetings, MeetingPolicy policy, MeetingInputs inputs, MeetingProcess process,
                   EventOutbox outbox, Notifications notifications, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.process = process;
        this.outbox = outbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Validates and looks the invitees up first (a network call), then writes in one transaction. */
    Meeting create(CreateMeeting request, CurrentUser user) {
        List<FieldError> errors = new ArrayList<>();
        Provider provider = request.provider() == null ? Provider.INTERNAL : request.provider();
        Instant end = inputs.endTime(request.startTime(), request.endTime(), request.durationMinutes(), errors);
        inputs.externalUrl(provider, request.externalUrl(), errors);
        List<DirectoryUser> invitees = inputs.users("participantIds", request.participantIds(), errors);
        MeetingInputs.throwIfAny(errors);
        MeetingDetails details = new MeetingDetails(request.title().trim(), request.description(), request.startTime(),
                end, provider, provider == Provider.EXTERNAL ? request.externalUrl().trim() : null,
                Boolean.TRUE.equals(request.recordingEnabled()), request.maxParticipants(),
                Boolean.TRUE.equals(request.allowExternal()), Boolean.TRUE.equals(request.voiceOnly()),
                Boolean.TRUE.equals(request.muteOnJoin()));
        DirectoryUser owner = new DirectoryUser(user.id(), user.username(),
                user.name() != null ? user.name() : user.username(), user.email());
        invitees.removeIf(invitee -> invitee.id().equals(owner.id()));
        return transactions.execute(tx -> {
            Meeting meeting = meetings.save(Meeting.schedule(MeetingId.newMeeting(), details, owner, invitees, false, clock.instant()));
            outbox.append("meeting.created", meeting.id(), Map.of("meetingId", meeting.id(), "title", meeting.title(),
                    "startTime", meeting.startTime().toString(), "createdBy", meeting.createdBy(),
                    "participantIds", meeting.participants().stream().map(p -> p.userId()).toList()));
            process.scheduled(meeting.id(), meeting.startTime(), meeting.endTime());
            return meeting;
        });
    }

    @Transactional
    Meeting update(String meetingId, UpdateMeeting request, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.EDIT);
        MeetingDetails old = meeting.details();
        List<FieldError> errors = new ArrayList<>();
        Instant start = request.startTime() != null ? request.startTime() : old.startTime();
        Instant end;
        if (request.endTime() != null || request.durationMinutes() != null) {
            end = inputs.endTime(start, request.endTime(), request.durationMinutes(), errors);
        } else if (request.startTime() != null) {
            end = start.plus(java.time.Duration.between(old.startTime(), old.endTime())); // keep the duration
        } else {
            end = old.endTime();
        }
        String externalUrl = request.externalUrl() != null ? request.externalUrl().trim() : old.externalUrl();
        inputs.externalUrl(old.provider(), externalUrl, errors);
        MeetingInputs.throwIfAny(errors);
        MeetingDetails changed = new MeetingDetails(
                request.title() != null ? request.title().trim() : old.title(),
                request.description() != null ? request.description() : old.description(),
                start, end, old.provider(), externalUrl,
                or(request.recordingEnabled(), old.recordingEnabled()),
                request.maxParticipants() != null ? request.maxParticipants() : old.maxParticipants(),
                or(request.allowExternal(), old.allowExternal()), or(request.voiceOnly(), old.voiceOnly()),
                or(request.muteOnJoin(), old.muteOnJoin()));
        return apply(meeting, old, changed);
    }

    @Transactional
    Meeting updateSettings(String meetingId, UpdateSettings request, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.EDIT);
        MeetingDetails old = meeting.details();
        MeetingDetails changed = new MeetingDetails(old.title(), old.description(), old.startTime(), old.endTime(),
                old.provider(), old.externalUrl(), or(request.recordingEnabled(), old.recordingEnabled()),
                request.maxParticipants() != null ? request.maxParticipants() : old.maxParticipants(),
                or(request.allowExternal(), old.allowExternal()), or(request.voiceOnly(), old.voiceOnly()),
                or(request.muteOnJoin(), old.muteOnJoin()));
        return apply(meeting, old, changed);
    }

    private Meeting apply(Meeting meeting, MeetingDetails old, MeetingDetails changed) {
        meeting.update(changed);
        Meeting saved = meetings.save(meeting);
        Map<String, Object> changes = changes(old, changed);
        if (!changes.isEmpty()) {
            outbox.append("meeting.updated", saved.id(), Map.of("meetingId", saved.id(), "changes", changes));
        }
        if (!old.startTime().equals(changed.startTime()) || !old.endTime().equals(changed.endTime())) {
            notifications.withdraw(saved.id(), REMINDER_TYPES); // a shown reminder would name the old time
            process.rescheduled(saved.id(), changed.startTime(), changed.endTime());
        }
        return saved;
    }

    @Transactional
    Meeting cancel(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.END);
        meeting.cancel();
        Meeting saved = meetings.save(meeting);
        notifications.withdraw(saved.id(), REMINDER_TYPES);
        outbox.append("meeting.cancelled", saved.id(), Map.of("meetingId", saved.id(), "cancelledBy", user.id()));
        process.cancelled(saved.id());
        return saved;
    }

    @Transactional
    void delete(String meetingId, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.DELETE);
        notifications.deleteTransient(meetingId);
        meetings.delete(meeting);
        process.deleted(meetingId);
        outbox.append("meeting.deleted", meetingId, Map.of("meetingId", meetingId, "deletedBy", user.id()));
    }

    private static boolean or(Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    private static Map<String, Object> changes(MeetingDetails old, MeetingDetails now) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "title", old.title(), now.title());
        put(changes, "description", old.description(), now.description());
        put(changes, "startTime", old.startTime(), now.startTime());
        put(changes, "endTime", old.endTime(), now.endTime());
        put(changes, "externalUrl", old.externalUrl(), now.externalUrl());
        put(changes, "recordingEnabled", old.recordingEnabled(), now.recordingEnabled());
        put(changes, "maxParticipants", old.maxParticipants(), now.maxParticipants());
        put(changes, "allowExternal", old.allowExternal(), now.allowExternal());
        put(changes, "voiceOnly", old.voiceOnly(), now.voiceOnly());
        put(changes, "muteOnJoin", old.muteOnJoin(), now.muteOnJoin());
        return changes;
    }

    private static void put(Map<String, Object> changes, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.put(field, now == null ? "" : now.toString());
        }
    }

    static void requireValidId(String meetingId) {
        if (!MeetingId.isValid(meetingId)) {
            throw new BadRequestException("meetingId", "must look like mtg_<uuid> or call_<uuid>");
        }
    }
}
