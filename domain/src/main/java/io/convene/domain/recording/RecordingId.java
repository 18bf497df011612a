package io.convene.domain.recording;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/** Id of a meeting's recording, {@code rec_<uuid>}: also the business key of its recording-finalisation process. */
public record RecordingId(String value) {

    private static final Pattern FORMAT = Pattern.compile("rec_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    public RecordingId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a recording id: " + value);
        }
    }

    public static RecordingId newId() {
        return new RecordingId("rec_" + UUID.randomUUID());
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
