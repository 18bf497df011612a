package io.convene.application.meeting;

import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Provider;
import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The checks Bean Validation cannot express: times, the provider's URL, that invitees exist.
 * The user look-ups call the identity provider: run them before the transaction opens.
 */
@Component
@EnableConfigurationProperties(MeetingProperties.class)
public class MeetingInputs {

    private final UserDirectory directory;
    private final MeetingProperties rules;

    MeetingInputs(UserDirectory directory, MeetingProperties rules) {
        this.directory = directory;
        this.rules = rules;
    }

    /** The end time: given, or start + durationMinutes (default 30). */
    Instant endTime(Instant start, Instant end, Integer durationMinutes, List<FieldError> errors) {
        if (end != null) {
            if (!end.isAfter(start)) {
                errors.add(new FieldError("endTime", "must be after startTime"));
            } else if (Duration.between(start, end).compareTo(rules.longest()) > 0) {
                errors.add(new FieldError("endTime", "a meeting lasts at most " + rules.longest().toMinutes() + " minutes"));
            }
            return end;
        }
        if (durationMinutes == null) {
            return start.plus(rules.defaultDuration());
        }
        if (durationMinutes <= 0 || durationMinutes > rules.longest().toMinutes()) {
            errors.add(new FieldError("durationMinutes", "must be between 1 and " + rules.longest().toMinutes()));
            return start.plus(rules.defaultDuration());
        }
        return start.plus(Duration.ofMinutes(durationMinutes));
    }

    void externalUrl(Provider provider, String url, List<FieldError> errors) {
        if (provider == Provider.EXTERNAL && !isHttpUrl(url)) {
            errors.add(new FieldError("externalUrl", "an EXTERNAL meeting needs an http(s) URL"));
        }
    }

    /**
     * The invitees as the directory knows them; unknown ids are errors naming their index. A list
     * longer than {@code convene.meetings.max-invitees-per-request} is an error naming {@code field},
     * and then nobody is looked up. Each distinct id is looked up once.
     */
    public List<DirectoryUser> users(String field, List<String> ids, List<FieldError> errors) {
        if (ids != null && ids.size() > rules.maxInviteesPerRequest()) {
            errors.add(tooMany(field));
            return List.of();
        }
        Map<String, Optional<DirectoryUser>> lookedUp = new HashMap<>();
        Map<String, DirectoryUser> found = new LinkedHashMap<>();
        for (int i = 0; ids != null && i < ids.size(); i++) {
            String id = ids.get(i);
            DirectoryUser user = lookedUp.computeIfAbsent(id, directory::find).orElse(null);
            if (user == null) {
                errors.add(new FieldError(field + "[" + i + "]", "is not a known user: " + id));
            } else {
                found.putIfAbsent(user.id(), user);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** 400 naming {@code field} at once when {@code ids} is longer than one request may be: before any look-up. */
    public void requireFewEnough(String field, List<String> ids) {
        if (ids != null && ids.size() > rules.maxInviteesPerRequest()) {
            throw new InvalidInputException(List.of(tooMany(field)));
        }
    }

    /**
     * 400 naming {@code field} when inviting {@code users} would take a meeting that sets no
     * {@code maxParticipants} over the default cap (the meeting's own cap is the aggregate's rule).
     */
    public void requireRoomFor(Meeting meeting, List<DirectoryUser> users, String field) {
        if (meeting.maxParticipants() != null) {
            return;
        }
        long newcomers = users.stream().map(DirectoryUser::id).distinct()
                .filter(id -> meeting.participant(id).isEmpty()).count();
        if (meeting.participants().size() + newcomers > rules.defaultMaxParticipants()) {
            throw new InvalidInputException(field, "would make " + (meeting.participants().size() + newcomers)
                    + " participants; a meeting without maxParticipants has at most " + rules.defaultMaxParticipants());
        }
    }

    private FieldError tooMany(String field) {
        return new FieldError(field, "at most " + rules.maxInviteesPerRequest() + " user ids per request");
    }

    Duration upcomingWindow() {
        return rules.upcomingWindow();
    }

    Duration pastWindow() {
        return rules.pastWindow();
    }

    private static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
