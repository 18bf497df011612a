package io.convene.app.contract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Dart's {@code DateTime.parse} accepts and what {@code toUtc().toIso8601String()} writes, so the
 * contract reads and sends dates exactly as the portal's client does. The pattern is the one of
 * dart:core's {@code DateTime.parse} (a date, optionally a time with fractions, optionally {@code Z} or an
 * offset); like Dart, a value without {@code Z} or an offset is local time, and out-of-range fields
 * roll over instead of failing.
 */
final class DartDateTime {

    private static final Pattern DART = Pattern.compile(
            "^([+-]?\\d{4,6})-?(\\d\\d)-?(\\d\\d)"               // the date
            + "(?:[ T](\\d\\d)(?::?(\\d\\d)(?::?(\\d\\d)(?:[.,](\\d+))?)?)?" // the time
            + "( ?[zZ]| ?([-+])(\\d\\d)(?::?(\\d\\d))?)?)?$");   // Z or an offset
    private static final DateTimeFormatter DART_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DartDateTime() {}

    /** {@code DateTime.parse(text)}; throws {@link IllegalArgumentException} where Dart throws a FormatException. */
    static Instant parse(String text) {
        Matcher m = DART.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid date format " + text);
        }
        int year = Integer.parseInt(m.group(1));
        LocalDateTime local = LocalDateTime.of(year, 1, 1, 0, 0)
                .plusMonths(Integer.parseInt(m.group(2)) - 1L)
                .plusDays(Integer.parseInt(m.group(3)) - 1L)
                .plusHours(number(m.group(4)))
                .plusMinutes(number(m.group(5)))
                .plusSeconds(number(m.group(6)))
                .plusNanos(micros(m.group(7)) * 1000L);
        if (m.group(8) == null) {
            return local.atZone(ZoneId.systemDefault()).toInstant(); // Dart: no offset = local time
        }
        Instant utc = local.toInstant(ZoneOffset.UTC);
        if (m.group(9) == null) {
            return utc; // Z
        }
        long offsetMinutes = number(m.group(10)) * 60L + number(m.group(11));
        return "-".equals(m.group(9)) ? utc.plus(offsetMinutes, ChronoUnit.MINUTES) : utc.minus(offsetMinutes, ChronoUnit.MINUTES);
    }

    /** {@code dateTime.toUtc().toIso8601String()} of a time with millisecond precision. */
    static String toIso8601Utc(Instant instant) {
        return DART_UTC.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** Dart keeps microseconds: the first six digits, rounded by the seventh. */
    private static long micros(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String six = (fraction + "000000").substring(0, 6);
        long value = Long.parseLong(six);
        if (fraction.length() > 6 && fraction.charAt(6) >= '5') {
            value++;
        }
        return value;
    }
}
