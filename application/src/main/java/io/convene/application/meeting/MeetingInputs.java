package io.convene.application.meeting;

import io.convene.application.shared.FieldError;
import io.convene.domain.meeting.Provider;
import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The invitees as the directory knows them; unknown ids are errors naming their index. */
    public List<DirectoryUser> users(String field, List<String> ids, List<FieldError> errors) {
        Map<String, DirectoryUser> found = new LinkedHashMap<>();
        for (int i = 0; ids != null && i < ids.size(); i++) {
            String id = ids.get(i);
            DirectoryUser user = directory.find(id).orElse(null);
            if (user == null) {
                errors.add(new FieldError(field + "[" + i + "]", "is not a known user: " + id));
            } else {
                found.putIfAbsent(user.id(), user);
            }
        }
        return new ArrayList<>(found.values());
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
