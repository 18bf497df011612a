package io.convene.application.calllog;

import io.convene.application.call.CallMeters;
import io.convene.application.call.CallMeters.Kind;
import io.convene.application.shared.Actor;
import io.convene.application.shared.CommittedCounter;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.CallLogEntries;
import io.convene.domain.calllog.CallLogEntry;
import io.convene.domain.calllog.Contact;
import io.convene.processes.softphone.InboundCallGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The softphone reports its calls ("the call is logged automatically"): a call starts (in or
 * out), is answered, ends. Idempotent by the SIP call id (per user) and by repeating the same
 * report. An inbound call rings in the {@code inbound-call} process until it is answered,
 * declined, fails, the caller hangs up or nobody answers (PT45S) — the last two are missed calls.
 * The CRM is asked whose number rings before the transaction opens, within its budget.
 */
@Service
@EnableConfigurationProperties(SoftphoneProperties.class)
public class SoftphoneCalls {

    static final Set<String> FINAL = Set.of(CallLogEntry.ANSWERED, CallLogEntry.MISSED, CallLogEntry.DECLINED,
            CallLogEntry.FAILED);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Duration OLDEST_REPORT = Duration.ofDays(1);

    /** A call starts: {@code direction} in or out, the other side's number, the SIP Call-ID; optional start time. */
    public record StartInput(String direction, String remoteNumber, String sipCallId, Instant startedAt) {}

    /** The call was answered (optional: when). */
    public record AnswerInput(Instant answeredAt) {}

    /** The call is over: answered | missed | declined | failed; optional times. */
    public record EndInput(String status, Instant answeredAt, Instant endedAt) {}

    /** The row, and whether this report made it (201) or found it (200). */
    public record Reported(CallLogView call, boolean created) {}

    private final CallLogEntries entries;
    private final CallLogPolicy policy;
    private final PhoneNumbers numbers;
    private final ContactLookup contacts;
    private final CallEvents events;
    private final InboundCallGateway inbound;
    private final UnitOfWork work;
    private final Clock clock;
    private final CommittedCounter inboundPlaced;

    SoftphoneCalls(CallLogEntries entries, CallLogPolicy policy, PhoneNumbers numbers, ContactLookup contacts,
                   CallEvents events, InboundCallGateway inbound, UnitOfWork work, Clock clock, MeterRegistry meters) {
        this.inboundPlaced = CallMeters.placed(meters, Kind.INBOUND);
        this.entries = entries;
        this.policy = policy;
        this.numbers = numbers;
        this.contacts = contacts;
        this.events = events;
        this.inbound = inbound;
        this.work = work;
        this.clock = clock;
    }

    public Reported start(StartInput input, Actor actor) {
        String direction = direction(input.direction());
        String sipCallId = input.sipCallId() == null ? null : input.sipCallId().strip();
        if (sipCallId == null || sipCallId.isEmpty() || sipCallId.length() > 255) {
            throw new InvalidInputException("sipCallId", "is required: the SIP Call-ID, at most 255 characters");
        }
        String number = numbers.e164("remoteNumber", input.remoteNumber());
        Instant now = clock.instant();
        Instant startedAt = reported("startedAt", input.startedAt(), now);
        Optional<CallLogEntry> known = work.read(() -> entries.bySipCallId(actor.id(), sipCallId));
        if (known.isPresent()) {
            return new Reported(CallLogView.of(same(known.get(), direction, number)), false);
        }
        // the CRM, before the transaction and within its budget: a slow one never holds the ringing event
        Optional<Contact> contact = CallLogEntry.IN.equals(direction) ? contacts.within(number) : Optional.empty();
        CallLogEntry fresh = new CallLogEntry(UUID.randomUUID(), actor.id(), actor.displayName(), CallLogEntry.SOFTPHONE,
                direction, number, null, contact.map(Contact::id).orElse(null), contact.map(Contact::name).orElse(null),
                sipCallId, null, CallLogEntry.RINGING, null, startedAt, null, null, 0);
        return work.write(() -> {
            CallLogEntry stored = entries.addOnce(fresh);
            if (!stored.id().equals(fresh.id())) {
                return new Reported(CallLogView.of(same(stored, direction, number)), false); // a twin report won
            }
            if (CallLogEntry.IN.equals(direction)) {
                events.append(CallEvents.Kind.RINGING, stored);
                inbound.ringing(stored.id().toString(), actor.id());
                inboundPlaced.increment(); // on commit; a repeated report (same SIP call id) found the row: not again
            } else {
                events.append(CallEvents.Kind.STARTED, stored);
            }
            return new Reported(CallLogView.of(stored), true);
        });
    }

    public CallLogView answered(UUID id, AnswerInput input, Actor actor) {
        Instant now = clock.instant();
        Instant at = reported("answeredAt", input == null ? null : input.answeredAt(), now);
        return work.write(() -> {
            CallLogEntry row = policy.ownRow(entries.lock(id).orElse(null), id, actor);
            if (CallLogEntry.ACTIVE.equals(row.status()) || CallLogEntry.ANSWERED.equals(row.status())) {
                return CallLogView.of(row); // reported twice
            }
            if (row.isOver()) {
                throw new ConflictException("The call is over already (" + row.status() + ")");
            }
            answer(row, at);
            CallLogEntry answered = entries.find(id).orElseThrow();
            events.append(CallEvents.Kind.ANSWERED, answered);
            return CallLogView.of(answered);
        });
    }

    public CallLogView ended(UUID id, EndInput input, Actor actor) {
        String status = input.status() == null ? null : input.status().strip().toLowerCase();
        if (status == null || !FINAL.contains(status)) {
            throw new InvalidInputException("status", "must be one of answered, missed, declined, failed");
        }
        Instant now = clock.instant();
        Instant endedAt = reported("endedAt", input.endedAt(), now);
        Instant answeredAt = input.answeredAt() == null ? null : reported("answeredAt", input.answeredAt(), now);
        return work.write(() -> {
            CallLogEntry row = policy.ownRow(entries.lock(id).orElse(null), id, actor);
            if (row.isOver()) {
                if (row.status().equals(status)) {
                    return CallLogView.of(row); // reported twice
                }
                throw new ConflictException("The call ended already as " + row.status());
            }
            if (endedAt.isBefore(row.startedAt())) {
                throw new InvalidInputException("endedAt", "is before the call started");
            }
            boolean ringing = CallLogEntry.RINGING.equals(row.status());
            boolean in = CallLogEntry.IN.equals(row.direction());
            long talked = 0;
            String reason = null;
            switch (status) {
                case CallLogEntry.ANSWERED -> {
                    Instant from = row.answeredAt();
                    if (ringing) {
                        if (answeredAt == null) {
                            throw new InvalidInputException("answeredAt", "is required: the call was never reported answered");
                        }
                        answer(row, answeredAt);
                        from = answeredAt;
                    }
                    talked = Math.max(0, Duration.between(from, endedAt).toSeconds());
                }
                case CallLogEntry.MISSED, CallLogEntry.DECLINED -> {
                    if (!ringing) {
                        throw new InvalidInputException("status", "an answered call ends answered or failed");
                    }
                    if (in && CallLogEntry.MISSED.equals(status)) {
                        reason = "caller_hung_up"; // the process notifies the user (Task_RecordMissedCall)
                        inbound.callerHungUp(row.id().toString());
                    } else if (in) {
                        inbound.declined(row.id().toString());
                    }
                }
                default -> { // failed
                    if (ringing && in) {
                        inbound.failed(row.id().toString());
                    }
                    if (!ringing) {
                        talked = Math.max(0, Duration.between(row.answeredAt(), endedAt).toSeconds());
                    }
                }
            }
            entries.ended(id, status, reason, endedAt, talked);
            CallLogEntry ended = entries.find(id).orElseThrow();
            events.append(CallEvents.Kind.ENDED, ended);
            return CallLogView.of(ended);
        });
    }

    /** Marks the ringing row answered; an inbound one stops ringing — unless nobody answered in time (409). */
    private void answer(CallLogEntry row, Instant at) {
        if (CallLogEntry.IN.equals(row.direction()) && !inbound.answered(row.id().toString())) {
            throw new ConflictException("The call was not answered in time and is a missed call");
        }
        entries.answered(row.id(), at);
    }

    private static CallLogEntry same(CallLogEntry known, String direction, String number) {
        if (!known.direction().equals(direction) || !number.equals(known.remoteNumber())) {
            throw new ConflictException("This SIP call id is logged already with another direction or number");
        }
        return known;
    }

    private static String direction(String value) {
        String direction = value == null ? null : value.strip().toLowerCase();
        if (!CallLogEntry.IN.equals(direction) && !CallLogEntry.OUT.equals(direction)) {
            throw new InvalidInputException("direction", "must be in or out");
        }
        return direction;
    }

    /** A time the softphone reports: now when left out; not in the future, not older than a day. */
    private static Instant reported(String field, Instant value, Instant now) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now.plus(CLOCK_SKEW)) || value.isBefore(now.minus(OLDEST_REPORT))) {
            throw new InvalidInputException(field, "must be within the last day and not in the future");
        }
        return value;
    }
}
