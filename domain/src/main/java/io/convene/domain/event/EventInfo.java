package io.convene.domain.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an event record says about itself: what happened ({@code value}, for the AsyncAPI document
 * and docs/events.md), its version (raised when its data changes incompatibly) and, where its type
 * name does not follow its family and record name, that name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventInfo {

    String value();

    int version() default 1;

    /** The full type name, when it is not {@code <family>.<record name in snake_case>}. */
    String name() default "";

    /** Whether webhooks may subscribe to it (the webhook catalogue, docs/events.md). */
    boolean webhook() default false;
}
