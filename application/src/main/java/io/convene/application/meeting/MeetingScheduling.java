package io.convene.application.meeting;

import io.convene.domain.meeting.MeetingEvent;
import static io.convene.application.meeting.MeetingChanges.or;

import io.convene.application.meeting.MeetingChanges.MeetingEdit;
import io.convene.application.meeting.MeetingChanges.NewMeeting;
import io.convene.application.meeting.MeetingChanges.SettingsEdit;
import io.convene.application.meeting.MeetingResults.Overlap;
import io.convene.application.meeting.MeetingResults.Scheduled;
import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingDetails;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingQueries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.Provider;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.meeting.MeetingLifecycleGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Scheduling and editing meetings. Each method is one transaction: the meeting, its
 * events and its meeting-lifecycle instance change together or not at all.
 */
@Service
public class MeetingScheduling {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingInputs inputs;
    private final MeetingLifecycleGateway lifecycle;
    private final MeetingReminders reminders;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;
    private final MeetingQueries queries;

    /** At most this many overlapping meetings are named in a warning. */
    static final int MAX_OVERLAPS = 20;

    MeetingScheduling(Meetings meetings, MeetingPolicy policy, MeetingInputs inputs, MeetingLifecycleGateway lifecycle,
                      MeetingReminders reminders, EventOutbox outbox, UnitOfWork work, Clock clock,
                      MeetingQueries queries) {
        this.queries = queries;
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.lifecycle = lifecycle;
        this.reminders = reminders;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** Validates and looks the invitees up first (a network call), then writes in one transaction. */
    public Scheduled create(NewMeeting request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Provider provider = request.provider() == null ? Provider.INTERNAL : request.provider();
        Instant end = inputs.endTime(request.startTime(), request.endTime(), request.durationMinutes(), errors);
        inputs.externalUrl(provider, request.externalUrl(), errors);
        List<DirectoryUser> invitees = inputs.users(request.participantsField(), request.participantIds(), errors);
        InvalidInputException.throwIfAny(errors);
        MeetingDetails details = new MeetingDetails(request.title().trim(), request.description(), request.startTime(),
                end, provider, provider == Provider.EXTERNAL ? request.externalUrl().trim() : null,
                Boolean.TRUE.equals(request.recordingEnabled()), request.maxParticipants(),
                Boolean.TRUE.equals(request.allowExternal()), Boolean.TRUE.equals(request.voiceOnly()),
                Boolean.TRUE.equals(request.muteOnJoin()), Boolean.TRUE.equals(request.waitingRoomEnabled()));
        DirectoryUser owner = new DirectoryUser(actor.id(), actor.username(), actor.displayName(), actor.email());
        invitees.removeIf(invitee -> invitee.id().equals(owner.id()));
        return work.write(() -> {
            Meeting meeting = meetings.save(Meeting.schedule(MeetingId.newMeeting(), details, owner, invitees, false,
                    clock.instant()));
            outbox.append(new MeetingEvent.Created(meeting.id(), meeting.title(), meeting.startTime(), meeting.endTime(),
                    meeting.createdBy(), meeting.participants().stream().map(Participant::userId).toList()));
            lifecycle.scheduled(meeting.id().value(), meeting.startTime(), meeting.endTime());
            return new Scheduled(meeting, overlaps(meeting, actor));
        });
    }

    /** Edits (owner, manager); a new time moves the pending reminders and tells what it now overlaps. */
    public Scheduled update(MeetingId id, MeetingEdit request, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.EDIT);
            MeetingDetails old = meeting.details();
            List<FieldError> errors = new ArrayList<>();
            Instant start = request.startTime() != null ? request.startTime() : old.startTime();
            Instant end;
            if (request.endTime() != null || request.durationMinutes() != null) {
                end = inputs.endTime(start, request.endTime(), request.durationMinutes(), errors);
            } else if (request.startTime() != null) {
                end = start.plus(Duration.between(old.startTime(), old.endTime())); // keep the duration
            } else {
                end = old.endTime();
            }
            String externalUrl = request.externalUrl() != null ? request.externalUrl().trim() : old.externalUrl();
            inputs.externalUrl(old.provider(), externalUrl, errors);
            InvalidInputException.throwIfAny(errors);
            MeetingDetails changed = new MeetingDetails(
                    request.title() != null ? request.title().trim() : old.title(),
                    request.description() != null ? request.description() : old.description(),
                    start, end, old.provider(), externalUrl,
                    or(request.recordingEnabled(), old.recordingEnabled()),
                    request.maxParticipants() != null ? request.maxParticipants() : old.maxParticipants(),
                    or(request.allowExternal(), old.allowExternal()), or(request.voiceOnly(), old.voiceOnly()),
                    or(request.muteOnJoin(), old.muteOnJoin()), or(request.waitingRoomEnabled(), old.waitingRoomEnabled()));
            Meeting saved = apply(meeting, old, changed, actor);
            boolean moved = !old.startTime().equals(changed.startTime()) || !old.endTime().equals(changed.endTime());
            return new Scheduled(saved, moved ? overlaps(saved, actor) : List.of());
        });
    }

    /** The caller's other meetings at the same time (a warning for the dialog; nothing is refused). */
    private List<Overlap> overlaps(Meeting meeting, Actor actor) {
        List<MeetingId> ids = queries.overlapping(actor.id(), meeting.startTime(), meeting.endTime(),
                meeting.id().value(), MAX_OVERLAPS).stream().map(MeetingId::new).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<MeetingId, Meeting> byId = new java.util.HashMap<>();
        meetings.findAllById(ids).forEach(m -> byId.put(m.id(), m));
        return ids.stream().filter(byId::containsKey).map(byId::get)
                .map(m -> new Overlap(m.id().value(), m.title(), m.startTime(), m.endTime())).toList();
    }

    public Meeting updateSettings(MeetingId id, SettingsEdit request, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.EDIT);
            MeetingDetails old = meeting.details();
            MeetingDetails changed = new MeetingDetails(old.title(), old.description(), old.startTime(), old.endTime(),
                    old.provider(), old.externalUrl(), or(request.recordingEnabled(), old.recordingEnabled()),
                    request.maxParticipants() != null ? request.maxParticipants() : old.maxParticipants(),
                    or(request.allowExternal(), old.allowExternal()), or(request.voiceOnly(), old.voiceOnly()),
                    or(request.muteOnJoin(), old.muteOnJoin()), or(request.waitingRoomEnabled(), old.waitingRoomEnabled()));
            return apply(meeting, old, changed, actor);
        });
    }

    private Meeting apply(Meeting meeting, MeetingDetails old, MeetingDetails changed, Actor actor) {
        meeting.update(changed);
        Meeting saved = meetings.save(meeting);
        Map<String, Object> changes = MeetingChanges.diff(old, changed);
        if (!changes.isEmpty()) {
            outbox.append(new MeetingEvent.Updated(saved.id(), changes, actor.id()));
        }
        if (!old.startTime().equals(changed.startTime())) {
            reminders.withdraw(saved.id()); // a shown reminder would name the old time
        }
        if (!old.startTime().equals(changed.startTime()) || !old.endTime().equals(changed.endTime())) {
            lifecycle.rescheduled(saved.id().value(), changed.startTime(), changed.endTime());
        }
        return saved;
    }
}
