package io.convene.api.meeting;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.ForbiddenException;
import io.convene.api.meeting.MeetingViews.MeetingListItem;
import io.convene.api.meeting.MeetingViews.Page;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingQueries;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
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
import org.springframework.transaction.annotation.Transactional;

/** The meetings page's lists: live, upcoming, past; mine or the whole org's. */
@Service
class MeetingListService {

    enum Section { LIVE, UPCOMING, PAST }

    private final MeetingQueries queries;
    private final MeetingSummaries summaries;
    private final Meetings meetings;
    private final Clock clock;

    MeetingListService(MeetingQueries queries, MeetingSummaries summaries, Meetings meetings, Clock clock) {
        this.queries = queries;
        this.summaries = summaries;
        this.meetings = meetings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<MeetingListItem> list(CurrentUser user, String scope, String status, String section, String q,
                               Duration startsWithin, int page, int size) {
        String userFilter = switch (scope == null ? "my" : scope) {
            case "my" -> user.id();
            case "org" -> {
                if (!user.isAdmin()) {
                    throw new ForbiddenException("Only org admins see all meetings of the organisation.");
                }
                yield null;
            }
            default -> throw new BadRequestException("scope", "must be my or org");
        };
        String title = q == null || q.isBlank() ? null : q.trim();
        Section chosen = section(section);
        List<MeetingStatus> statuses = statuses(status, chosen);
        int offset = page * size;
        if (chosen == Section.PAST || statuses.equals(List.of(MeetingStatus.ENDED))) {
            return new Page<>(summaries.past(userFilter, title, size, offset).stream().map(MeetingListItem::of).toList(),
                    page, size);
        }
        Instant now = clock.instant();
        Instant before = startsWithin == null ? null : now.plus(startsWithin);
        // upcoming: a meeting nobody started is no longer upcoming once its end has passed
        Instant after = chosen == Section.UPCOMING ? now : null;
        List<String> ids = queries.ids(statuses, userFilter, title, before, after, size, offset);
        Map<String, Meeting> byId = meetings.findAllById(ids).stream()
                .collect(Collectors.toMap(Meeting::id, Function.identity()));
        return new Page<>(ids.stream().filter(byId::containsKey).map(byId::get).map(MeetingListItem::of).toList(),
                page, size);
    }

    private static Section section(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        try {
            return Section.valueOf(section.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("section", "must be live, upcoming or past");
        }
    }

    private static List<MeetingStatus> statuses(String status, Section section) {
        if (status != null && !status.isBlank()) {
            try {
                return List.of(MeetingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status", "must be scheduled, in_progress, ended or cancelled");
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
