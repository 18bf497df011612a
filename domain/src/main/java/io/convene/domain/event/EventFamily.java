package io.convene.domain.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface whose records are domain events; {@code value} is their type names'
 * prefix: {@code MeetingEvent.Ended} in family {@code meeting} is {@code meeting.ended}
 * ({@link EventTypes}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventFamily {

    String value();
}
