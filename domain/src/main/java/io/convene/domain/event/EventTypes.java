package io.convene.domain.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every domain event type, from the records themselves: the sealed interfaces annotated
 * {@link EventFamily} under {@code io.convene}, and their records. A record's type name is its
 * family and its name in snake_case ({@code MeetingEvent.RoleChanged} in {@code participant} →
 * {@code participant.role_changed}) unless {@link EventInfo#name()} says otherwise; its version is
 * {@link EventInfo#version()}. The outbox names events by it, the topic's consumers read them back
 * by it, and the AsyncAPI document lists it.
 */
public final class EventTypes {

    /** One event type: its name, version, record, family and what it says happened. */
    public record Type(String name, int version, Class<? extends DomainEvent> record, String family,
                       String description, boolean webhook) {}

    private static final EventTypes ALL = scan("io.convene");

    private final Map<Class<?>, Type> byRecord;
    private final Map<String, Type> byName;

    private EventTypes(List<Type> types) {
        Map<Class<?>, Type> records = new LinkedHashMap<>();
        Map<String, Type> names = new LinkedHashMap<>();
        for (Type type : types) {
            records.put(type.record(), type);
            if (names.put(type.name(), type) != null) {
                throw new IllegalStateException("two event records are named " + type.name());
            }
        }
        this.byRecord = Collections.unmodifiableMap(records);
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The event types of this application (scanned once). */
    public static EventTypes all() {
        return ALL;
    }

    /** The type of an event record; fails for a record no family declares. */
    public Type of(Class<? extends DomainEvent> record) {
        Type type = byRecord.get(record);
        if (type == null) {
            throw new IllegalArgumentException(record.getName() + " is not a record of an @EventFamily interface");
        }
        return type;
    }

    public Type of(DomainEvent event) {
        return of(event.getClass());
    }

    /** The type of this name, if the application knows it (a topic may carry a newer node's events). */
    public Optional<Type> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every type, by name. */
    public List<Type> types() {
        return byName.values().stream().sorted(Comparator.comparing(Type::name)).toList();
    }

    static EventTypes scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventFamily.class));
        List<Type> types = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents(basePackage)) {
            Class<?> family = ClassUtils.resolveClassName(found.getBeanClassName(), EventTypes.class.getClassLoader());
            collect(family, family.getAnnotation(EventFamily.class).value(), types);
        }
        return new EventTypes(types);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> sealed, String family, List<Type> types) {
        if (!sealed.isSealed()) {
            throw new IllegalStateException(sealed.getName() + " must be sealed: its records are the event types");
        }
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                collect(permitted, family, types);
                continue;
            }
            if (!permitted.isRecord() || !DomainEvent.class.isAssignableFrom(permitted)) {
                throw new IllegalStateException(permitted.getName() + " must be a record implementing DomainEvent");
            }
            EventInfo info = permitted.getAnnotation(EventInfo.class);
            if (info == null) {
                throw new IllegalStateException(permitted.getName() + " says nothing of itself: annotate it @EventInfo");
            }
            String name = info.name().isEmpty() ? family + "." + snake(permitted.getSimpleName()) : info.name();
            types.add(new Type(name, info.version(), (Class<? extends DomainEvent>) permitted, family, info.value(),
                    info.webhook()));
        }
    }

    /** {@code RoleChanged} → {@code role_changed}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
