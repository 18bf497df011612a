package io.convene.application.meeting;

import io.convene.application.call.CallMeters;
import io.convene.application.call.CallMeters.RingOutcome;
import io.convene.application.shared.CommittedCounter;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.CallLogEntries;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.processes.call.InstantCallGateway;
import io.convene.processes.meeting.MeetingLifecycleGateway;
import io.convene.processes.recording.RecordingFinalisationGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What follows when a meeting or call starts or ends, whoever caused it — a join, a
 * leave, the host, a removal, or its process's fallback timer: the event, the call-log
 * summary (and a call's rows in the call log) and the message to its process are written here
 * and nowhere else.
 */
@Component
public class MeetingTransitions {

    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final CallLogEntries callLog;
    private final EventOutbox outbox;
    private final MeetingLifecycleGateway lifecycle;
    private final InstantCallGateway calls;
    private final RecordingFinalisationGateway recordings;
    private final UnitOfWork work;
    private final Clock clock;
    private final ObjectProvider<InternalAttendanceListener> listeners;
    private final CommittedCounter ringsCancelled;

    MeetingTransitions(Meetings meetings, MeetingSummaries summaries, CallLogEntries callLog, EventOutbox outbox,
                       MeetingLifecycleGateway lifecycle, InstantCallGateway calls, RecordingFinalisationGateway recordings,
                       UnitOfWork work, Clock clock, ObjectProvider<InternalAttendanceListener> listeners,
                       MeterRegistry meters) {
        this.ringsCancelled = CallMeters.rings(meters, RingOutcome.CANCELLED);
        this.listeners = listeners;
        this.meetings = meetings;
        this.summaries = summaries;
        this.callLog = callLog;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.recordings = recordings;
        this.work = work;
        this.clock = clock;
    }

    /** In the caller's transaction: the meeting has just started (early: its process learns it). */
    void started(Meeting meeting, String by) {
        announceStart(meeting, by);
        if (!meeting.isInstantCall()) {
            lifecycle.started(meeting.id().value());
        }
    }

    private void announceStart(Meeting meeting, String by) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("meetingId", meeting.id().value());
        if (by != null) {
            data.put("startedBy", by);
        }
        data.put("startedAt", meeting.startedAt().toString());
        data.put("participantIds", participantIds(meeting));
        outbox.append("meeting.started", meeting.id().value(), data);
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
                    announceStart(meetings.save(meeting), null);
                }));
    }

    /** In the caller's transaction: someone left or was removed; its process learns what that did. */
    void departed(Meeting meeting, Meeting.Departure departure, String reason) {
        switch (departure) {
            case ENDED -> ended(meeting, reason);
            case EMPTIED -> {
                lifecycle.emptied(meeting.id().value());
                listeners.orderedStream().forEach(l -> l.lastInternalLeft(meeting));
            }
            case OTHERS_STAY -> { }
        }
    }

    /** In the caller's transaction: someone joined the empty meeting; it no longer waits to end. */
    void rejoined(Meeting meeting) {
        lifecycle.rejoined(meeting.id().value());
        listeners.orderedStream().forEach(l -> l.internalRejoined(meeting));
    }

    /**
     * The process found the meeting still empty at its scheduled end: it ended when the last
     * one left. Runs in the timer's job, so a join at the same moment loses or wins as a whole.
     */
    public void endEmpty(MeetingId id) {
        work.run(() -> meetings.findById(id).filter(Meeting::endEmpty)
                .ifPresent(meeting -> record(meetings.save(meeting), "empty at its scheduled end", null)));
    }

    /**
     * In the caller's transaction: the meeting or call has just ended; its process learns it. The
     * phones of a call that still ring stop with it: those rings count as cancelled.
     */
    public void ended(Meeting meeting, String reason) {
        ended(meeting, reason, null);
    }

    /** As {@link #ended(Meeting, String)}, ended by {@code endedBy} (the host, or the caller who hung up). */
    public void ended(Meeting meeting, String reason, String endedBy) {
        record(meeting, reason, endedBy);
        if (meeting.isInstantCall()) {
            ringsCancelled(meeting);
            calls.ended(meeting.id().value(), meeting.endedAt());
        } else {
            lifecycle.ended(meeting.id().value(), meeting.endedAt());
        }
    }

    /**
     * In the caller's transaction, just before a call's end or deletion stops the phones that
     * still ring: those rings count as cancelled ({@code convene.calls.rings}) when it commits. A
     * ringing callee is invited (not accepted, declined or in the call), so a call with nobody
     * invited costs no look-up. A late invitee's ring stops when the ended call is cleaned up,
     * moments later; it is counted here.
     */
    void ringsCancelled(Meeting call) {
        if (call.participants().stream().anyMatch(p -> p.status() == ParticipantStatus.INVITED)) {
            ringsCancelled.increment((int) calls.ringCount(call.id().value()));
        }
    }

    /**
     * The process closes its meeting or call (its close task): one nobody ended is ended
     * now; the summary is written if it is missing. Returns when it ended. Safe to run twice.
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
                summarise(meeting, now);
            }
            return meeting.endedAt() != null ? meeting.endedAt() : now;
        });
    }

    private void record(Meeting meeting, String reason, String endedBy) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("meetingId", meeting.id().value());
        data.put("durationSeconds", meeting.duration().toSeconds());
        data.put("participantCount", meeting.distinctJoiners());
        data.put("reason", reason);
        if (endedBy != null) {
            data.put("endedBy", endedBy);
        }
        data.put("participantIds", participantIds(meeting));
        outbox.append(meeting.isInstantCall() ? "call.ended" : "meeting.ended", meeting.id().value(), data);
        summarise(meeting, clock.instant());
        listeners.orderedStream().forEach(l -> l.lastInternalLeft(meeting)); // an ended meeting has nobody in it
        recordings.meetingEnded(meeting.id().value()); // a recording still collecting chunks is finalised now
    }

    /** The meeting's summary; a call's rows in the call log too (docs/softphone.md: one log, "Recents" shows everything). */
    private void summarise(Meeting meeting, Instant now) {
        summaries.record(meeting, now);
        if (meeting.isInstantCall()) {
            callLog.recordInstantCall(meeting);
        }
    }

    /**
     * Who is to hear of a meeting's end, cancellation or deletion, written into its event: a call
     * is cleaned up moments after it ends, so the meeting may be gone when the event is routed.
     */
    static List<String> participantIds(Meeting meeting) {
        return meeting.participants().stream().map(Participant::userId).toList();
    }
}
