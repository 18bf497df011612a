package io.convene.domain.probe;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Operations' probe of the job executor. The timer-probe process waits on a
 * BPMN timer and then records when it really fired; the difference to the due
 * time is the timer lateness that ring timeouts and reminders suffer too.
 */
@Table("timer_probe")
public class TimerProbe implements Persistable<String> {

    public enum Status { WAITING, FIRED }

    @Id
    private final String id;
    private final String requestedBy;
    private final Instant requestedAt;
    private Status status;
    private Long delayMs;
    private Instant firedAt;
    private Long latenessMs;
    @Transient
    private boolean isNew;

    @PersistenceCreator
    TimerProbe(String id, String requestedBy, Instant requestedAt, Status status, Long delayMs,
               Instant firedAt, Long latenessMs) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.delayMs = delayMs;
        this.firedAt = firedAt;
        this.latenessMs = latenessMs;
    }

    public static TimerProbe request(TimerProbeId id, String requestedBy, Instant now) {
        TimerProbe probe = new TimerProbe(id.value(), requestedBy, now, Status.WAITING, null, null, null);
        probe.isNew = true;
        return probe;
    }

    /** The timer fired at {@code now}; it was set for {@code delay} after the request. */
    public Duration fired(Duration delay, Instant now) {
        Duration lateness = Duration.between(requestedAt.plus(delay), now);
        this.status = Status.FIRED;
        this.delayMs = delay.toMillis();
        this.firedAt = now;
        this.latenessMs = lateness.toMillis();
        return lateness;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    public TimerProbeId probeId() {
        return new TimerProbeId(id);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    public Long delayMs() {
        return delayMs;
    }

    public Instant firedAt() {
        return firedAt;
    }

    public Long latenessMs() {
        return latenessMs;
    }
}
