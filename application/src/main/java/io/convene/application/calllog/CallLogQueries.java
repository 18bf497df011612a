package io.convene.application.calllog;

import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.CallLogEntries;
import io.convene.domain.calllog.CallLogEntries.Kpis;
import io.convene.domain.calllog.CallLogEntry;
import io.convene.domain.calllog.CallLogFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The call log (seed 000's "/calls", titled "Call log") and its KPI tiles, with the same filters:
 * direction, status (the portal's In / Out / Missed tabs are {@code direction=in},
 * {@code direction=out}, {@code status=missed}), a time range, a user (admins). Newest first,
 * paged by a cursor. Non-admins see their own calls only; admins the whole org.
 */
@Service
public class CallLogQueries {

    static final int MAX_PAGE = 100;
    static final Set<String> STATUSES = Set.of(CallLogEntry.RINGING, CallLogEntry.ACTIVE, CallLogEntry.ANSWERED,
            CallLogEntry.MISSED, CallLogEntry.DECLINED, CallLogEntry.FAILED);

    /** The filters both endpoints take; null = any. */
    public record Query(String direction, String status, Instant from, Instant to, String userId) {}

    /** A page; {@code next} is the cursor of the following page (null on the last). */
    public record Page(List<CallLogView> items, String next) {}

    /** The KPI tiles: total, answered, missed, average duration of answered calls (seconds). */
    public record KpiView(long total, long answered, long missed, long averageDurationSeconds) {}

    private final CallLogEntries entries;
    private final CallLogPolicy policy;
    private final UnitOfWork work;

    CallLogQueries(CallLogEntries entries, CallLogPolicy policy, UnitOfWork work) {
        this.entries = entries;
        this.policy = policy;
        this.work = work;
    }

    public Page list(Query query, String cursor, int limit, Actor actor) {
        CallLogFilter filter = filter(query, actor);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        Instant beforeStart = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                beforeStart = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out");
            }
        }
        Instant start = beforeStart;
        UUID id = beforeId;
        List<CallLogEntry> rows = work.read(() -> entries.page(filter, start, id, limit + 1));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            CallLogEntry last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.startedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(rows.stream().map(CallLogView::of).toList(), next);
    }

    public KpiView kpis(Query query, Actor actor) {
        CallLogFilter filter = filter(query, actor);
        Kpis kpis = work.read(() -> entries.kpis(filter));
        return new KpiView(kpis.total(), kpis.answered(), kpis.missed(), kpis.averageDurationSeconds());
    }

    private CallLogFilter filter(Query query, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String direction = lower(query.direction());
        if (direction != null && !CallLogEntry.IN.equals(direction) && !CallLogEntry.OUT.equals(direction)) {
            errors.add(new FieldError("direction", "must be in or out"));
        }
        String status = lower(query.status());
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of answered, missed, declined, failed, ringing, active"));
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            errors.add(new FieldError("to", "must be after from"));
        }
        InvalidInputException.throwIfAny(errors);
        String userId = query.userId() == null || query.userId().isBlank() ? null : query.userId().strip();
        return new CallLogFilter(policy.scope(userId, actor), direction, status, query.from(), query.to());
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase();
    }
}
