package io.convene.application.meeting;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.processes.call.InstantCallGateway;
import io.convene.processes.meeting.MeetingLifecycleGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What follows when a meeting or call starts, empties or ends, whoever caused it — a join, a
 * leave, the host, a removal, or its process's timer: the event, the call-log summary and the
 * message to its process are written here and nowhere else. Other features react to the events
 * (a call's end writes its call-log rows and counts its cancelled rings, a recording is finalised,
 * guests are removed) as listeners of their own, in the same transaction.
 */
@Component
public class MeetingTransitions {

    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final EventOutbox outbox;
    private final MeetingLifecycleGateway lifecycle;
    private final InstantCallGateway calls;
    private final UnitOfWork work;
    private final Clock clock;

    MeetingTransitions(Meetings meetings, MeetingSummaries summaries, EventOutbox outbox,
                       MeetingLifecycleGateway lifecycle, InstantCallGateway calls, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.summaries = summaries;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.work = work;
        this.clock = clock;
    }

    /** In the caller's transaction: the meeting has just started (early: its process learns it). */
    void started(Meeting meeting, String by) {
        outbox.append(new MeetingEvent.Started(meeting.id(), by, meeting.startedAt(), participantIds(meeting)));
        if (!meeting.isInstantCall()) {
            lifecycle.started(meeting.id().value());
        }
    }

    /**
     * The process's start-time timer: a scheduled meeting nobody started is in progress from now
     * (seed 002 Sc1.4), empty until someone joins. Runs in the timer's job; nothing to do for one
     * already started, cancelled or gone.
     */
    public void startAtStartTime(MeetingId id) {
        work.run(() -> meetings.findById(id)
                .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED)
                .ifPresent(meeting -> {
                    meeting.start(clock.instant());
                    Meeting saved = meetings.save(meeting);
                    outbox.append(new MeetingEvent.Started(saved.id(), null, saved.startedAt(), participantIds(saved)));
                }));
    }

    /** In the caller's transaction: someone left or was removed; its process learns what that did. */
    void departed(Meeting meeting, Meeting.Departure departure, String reason) {
        switch (departure) {
            case ENDED -> ended(meeting, reason, null);
            case EMPTIED -> {
                outbox.append(new MeetingEvent.Emptied(meeting.id(), clock.instant()));
                lifecycle.emptied(meeting.id().value());
            }
            case OTHERS_STAY -> { }
        }
    }

    /** In the caller's transaction: someone joined the empty meeting; it no longer waits to end. */
    void rejoined(Meeting meeting, String userId) {
        outbox.append(new MeetingEvent.Rejoined(meeting.id(), userId, clock.instant()));
        lifecycle.rejoined(meeting.id().value());
    }

    /**
     * The process found the meeting still empty at its scheduled end: it ended when the last
     * one left. Runs in the timer's job, so a join at the same moment loses or wins as a whole.
     * Returns when it ended (its process decides the cleanup by it); empty if it was over already.
     */
    public Optional<Instant> endEmpty(MeetingId id) {
        return work.write(() -> meetings.findById(id).filter(Meeting::endEmpty).map(meeting -> {
            Meeting saved = meetings.save(meeting);
            record(saved, "empty at its scheduled end", null);
            return saved.endedAt();
        }));
    }

    /**
     * In the caller's transaction: the meeting or call has just ended, by {@code endedBy} (the host,
     * the caller who hung up) or by itself ({@code null}); its process learns it.
     */
    public void ended(Meeting meeting, String reason, String endedBy) {
        record(meeting, reason, endedBy);
        if (meeting.isInstantCall()) {
            calls.ended(meeting.id().value(), meeting.endedAt());
        } else {
            lifecycle.ended(meeting.id().value(), meeting.endedAt());
        }
    }

    /**
     * The process closes what nobody ended (its fallback timers: 8 h after a meeting's scheduled
     * end, a call's maximum): it is ended now; the summary is written if it is missing. Returns when
     * it ended. Safe to run twice.
     */
    public Instant close(MeetingId id) {
        return work.write(() -> {
            Instant now = clock.instant();
            Meeting meeting = meetings.findById(id).orElse(null);
            if (meeting == null) {
                return now; // deleted meanwhile: nothing to close
            }
            if (meeting.close(now)) {
                record(meetings.save(meeting), "nobody ended it", null);
            } else if (meeting.status() == MeetingStatus.ENDED && !summaries.exists(id.value())) {
                summaries.record(meeting, now);
            }
            return meeting.endedAt() != null ? meeting.endedAt() : now;
        });
    }

    /** The end's event (its listeners react) and the meeting's call-log summary. */
    private void record(Meeting meeting, String reason, String endedBy) {
        long duration = meeting.duration().toSeconds();
        outbox.append(meeting.isInstantCall()
                ? new CallEvent.Ended(meeting.id(), duration, meeting.distinctJoiners(), reason, endedBy,
                        meeting.endedAt(), participantIds(meeting))
                : new MeetingEvent.Ended(meeting.id(), duration, meeting.distinctJoiners(), reason, endedBy,
                        meeting.endedAt(), participantIds(meeting)));
        summaries.record(meeting, clock.instant());
    }

    /**
     * Who is to hear of a meeting's end, cancellation or deletion, written into its event: a call
     * is cleaned up moments after it ends, so the meeting may be gone when the event is routed.
     */
    static List<String> participantIds(Meeting meeting) {
        return meeting.participants().stream().map(Participant::userId).toList();
    }
}
