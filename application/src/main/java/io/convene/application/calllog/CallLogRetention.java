package io.convene.application.calllog;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.CallLogEntries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Service;

/**
 * The call log's retention (the {@code call-log-retention} process, P1Y in the model): rows of
 * calls that started before then go, in batches; a backlog is worked off over several runs.
 */
@Service
public class CallLogRetention {

    static final int BATCH = 10_000;
    static final int MAX_BATCHES_PER_RUN = 50;

    private final CallLogEntries entries;
    private final UnitOfWork work;
    private final Clock clock;

    CallLogRetention(CallLogEntries entries, UnitOfWork work, Clock clock) {
        this.entries = entries;
        this.work = work;
        this.clock = clock;
    }

    /** {@code retention}: an ISO-8601 period ({@code P1Y}, {@code P90D}) or duration ({@code PT12H}). Returns how many rows went. */
    public int forgetOlderThan(String retention) {
        Instant cutoff = cutoff(retention, clock.instant());
        return work.write(() -> {
            int deleted = 0;
            for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
                int batch = entries.deleteStartedBefore(cutoff, BATCH);
                deleted += batch;
                if (batch < BATCH) {
                    break;
                }
            }
            return deleted;
        });
    }

    static Instant cutoff(String retention, Instant now) {
        try {
            if (retention.contains("T")) {
                return now.minus(Duration.parse(retention));
            }
            return now.atOffset(ZoneOffset.UTC).minus(Period.parse(retention)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the call-log retention is not an ISO-8601 period or duration: " + retention, e);
        }
    }
}
