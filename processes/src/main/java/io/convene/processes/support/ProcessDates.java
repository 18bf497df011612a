package io.convene.processes.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Date arithmetic for timer expressions, bound as the bean {@code dates}, so a
 * timer relative to a date keeps its ISO-8601 literal in the BPMN where an
 * analyst edits it: {@code ${dates.minus(startTime, 'PT15M')}}. Also reads a
 * timer's literal back from the model, so code never repeats a duration.
 */
public class ProcessDates {

    public Date minus(Object date, String isoDuration) {
        return Date.from(toInstant(date).minus(Duration.parse(isoDuration)));
    }

    public Date plus(Object date, String isoDuration) {
        return Date.from(toInstant(date).plus(Duration.parse(isoDuration)));
    }

    /** True when {@code date} lies before {@code other} (gateway conditions). */
    public boolean isBefore(Object date, Object other) {
        return toInstant(date).isBefore(toInstant(other));
    }

    /** True when {@code date} lies ahead of the engine's clock (gateway conditions). */
    public boolean isFuture(Object date) {
        return toInstant(date).isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    }

    /** True when both are the same instant; false when either is missing. */
    public boolean same(Object date, Object other) {
        return date != null && other != null && toInstant(date).equals(toInstant(other));
    }

    /** The duration literal of the timer event {@code element} (a timer catch or boundary event). */
    public static Duration timerDuration(ModelElementInstance element) {
        TimerEventDefinition timer = element.getChildElementsByType(TimerEventDefinition.class).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(element.getAttributeValue("id") + " is not a timer event"));
        if (timer.getTimeDuration() == null) {
            throw new IllegalArgumentException(element.getAttributeValue("id") + " has no timeDuration");
        }
        return Duration.parse(timer.getTimeDuration().getTextContent().trim());
    }

    static Instant toInstant(Object date) {
        if (date instanceof Date d) {
            return d.toInstant();
        }
        if (date instanceof Instant i) {
            return i;
        }
        if (date instanceof String s) {
            return Instant.parse(s);
        }
        throw new IllegalArgumentException("not a date: " + date);
    }
}
