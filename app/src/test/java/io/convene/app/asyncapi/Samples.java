package io.convene.app.asyncapi;

import io.convene.domain.meeting.MeetingId;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A record filled with a value in every field, to see the field names Jackson writes for it (a
 * schema must name the same).
 */
final class Samples {

    private Samples() {}

    static Object of(Class<?> type) {
        if (type == String.class || type == Object.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == MeetingId.class) {
            return MeetingId.newMeeting();
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return record(type);
        }
        throw new IllegalArgumentException("no sample for " + type + ": add one");
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(Samples::of).toArray();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + " of " + Arrays.toString(values), e);
        }
    }
}
