package io.convene.application.meeting;

import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.MeetingResults.Page;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingQueries;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.MeetingSummaries.Summary;
import io.convene.domain.meeting.MeetingSummaries.SummaryParticipant;
import io.convene.domain.meeting.Meetings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The meetings page's lists: live, upcoming, past; mine or the whole org's. */
@Service
public class MeetingLists {

    enum Section { LIVE, UPCOMING, PAST }

    /** Largest page size; and how deep paging may reach ({@code page * size}): deeper offsets are slow scans. */
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_OFFSET = 100_000;

    /**
     * What to list; {@code null} fields mean "any". {@code since}: how far back the past section
     * reaches (default: the past window, 8 h; at most as far as the summaries are kept).
     */
    public record ListQuery(String scope, String status, String section, String title, Duration startsWithin,
                            Instant since) {

        /**
         * Seed 002's {@code /upcoming}: what starts within the window, and what is in progress now
         * (§3.2: the card shows "Meeting in progress" and [Join Meeting] once it started).
         */
        public static ListQuery upcoming(Duration window) {
            return new ListQuery("my", null, null, null, window, null);
        }

        public static ListQuery past(Instant since) {
            return new ListQuery("my", null, "past", null, null, since);
        }
    }

    private final MeetingQueries queries;
    private final MeetingSummaries summaries;
    private final Meetings meetings;
    private final MeetingInputs inputs;
    private final UnitOfWork work;
    private final Clock clock;
    private final ExternalJoinTokens tokens;

    MeetingLists(MeetingQueries queries, MeetingSummaries summaries, Meetings meetings, MeetingInputs inputs,
                 UnitOfWork work, Clock clock, org.springframework.beans.factory.ObjectProvider<ExternalJoinTokens> tokens) {
        this.tokens = tokens.getIfAvailable(() -> ExternalJoinTokens.NONE);
        this.queries = queries;
        this.summaries = summaries;
        this.meetings = meetings;
        this.inputs = inputs;
        this.work = work;
        this.clock = clock;
    }

    /** My meetings starting within the upcoming window (seed 002: 24 h), and those in progress. */
    public Page<MeetingView> upcoming(Actor actor, int page, int size) {
        return list(actor, ListQuery.upcoming(inputs.upcomingWindow()), page, size);
    }

    /**
     * One page of meetings as seed 002's {@code Meeting} model reads them (participants, the
     * viewer's own answer, the link for those who may share it), and the list's total.
     */
    public Page<MeetingView> list(Actor actor, ListQuery query, int page, int size) {
        String userFilter = switch (query.scope() == null ? "my" : query.scope()) {
            case "my" -> actor.id();
            case "org" -> {
                if (!actor.isAdmin()) {
                    throw new ForbiddenException("Only org admins see all meetings of the organisation.");
                }
                yield null;
            }
            default -> throw new InvalidInputException("scope", "must be my or org");
        };
        String title = query.title() == null || query.title().isBlank() ? null : query.title().trim();
        Section chosen = section(query.section());
        List<MeetingStatus> statuses = statuses(query.status(), chosen);
        int offset = offset(page, size);
        return work.read(() -> {
            Instant now = clock.instant();
            if (chosen == Section.PAST || statuses.equals(List.of(MeetingStatus.ENDED))) {
                Instant since = query.since() != null ? query.since() : now.minus(inputs.pastWindow());
                List<Summary> past = summaries.past(userFilter, title, since, size, offset);
                Map<String, List<SummaryParticipant>> participants = summaries.participants(
                        past.stream().map(Summary::meetingId).toList()).stream()
                        .collect(Collectors.groupingBy(SummaryParticipant::meetingId));
                return new Page<>(past.stream().map(s -> MeetingView.of(s,
                        participants.getOrDefault(s.meetingId(), List.of()), actor.id())).toList(), page, size,
                        total(past.size(), offset, size, () -> summaries.countPast(userFilter, title, since)));
            }
            Instant before = query.startsWithin() == null ? null : now.plus(query.startsWithin());
            // upcoming: a meeting nobody started is no longer upcoming once its end has passed
            Instant after = chosen == Section.UPCOMING ? now : null;
            List<MeetingId> ids = queries.ids(statuses, userFilter, title, before, after, size, offset).stream()
                    .map(MeetingId::new).toList();
            Map<MeetingId, Meeting> byId = meetings.findAllById(ids).stream()
                    .collect(Collectors.toMap(Meeting::id, Function.identity()));
            List<Meeting> found = ids.stream().filter(byId::containsKey).map(byId::get).toList();
            Map<String, String> links = found.isEmpty() ? Map.of() : tokens.current(found, actor);
            return new Page<>(found.stream().map(m -> MeetingView.of(m, actor.id(), links.get(m.id().value())))
                    .toList(), page, size,
                    total(ids.size(), offset, size, () -> queries.count(statuses, userFilter, title, before, after)));
        });
    }

    /** The list's total: known from the page itself unless the page is full (then one count query). */
    private static long total(int rows, int offset, int size, java.util.function.LongSupplier count) {
        return rows < size && (rows > 0 || offset == 0) ? offset + rows : count.getAsLong();
    }

    /** 400 naming the parameter for a page out of range; never an overflowing or negative offset. */
    private static int offset(int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        long offset = (long) page * size;
        if (offset > MAX_OFFSET) {
            throw new InvalidInputException("page", "page * size must be at most " + MAX_OFFSET);
        }
        return (int) offset;
    }

    private static Section section(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        try {
            return Section.valueOf(section.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("section", "must be live, upcoming or past");
        }
    }

    private static List<MeetingStatus> statuses(String status, Section section) {
        if (status != null && !status.isBlank()) {
            try {
                return List.of(MeetingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "must be scheduled, in_progress, ended or cancelled");
            }
        }
        if (section == Section.LIVE) {
            return List.of(MeetingStatus.IN_PROGRESS);
        }
        if (section == Section.UPCOMING) {
            return List.of(MeetingStatus.SCHEDULED);
        }
        return List.of(MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS);
    }
}
