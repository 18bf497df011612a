package io.convene.domain.probe;

import java.util.UUID;
import java.util.regex.Pattern;

/** Id of a timer probe: {@code prb_<uuid>}. */
public record TimerProbeId(String value) {

    private static final Pattern FORMAT = Pattern.compile("prb_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    public TimerProbeId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a timer probe id: " + value);
        }
    }

    public static TimerProbeId random() {
        return new TimerProbeId("prb_" + UUID.randomUUID());
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
