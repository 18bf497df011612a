package io.convene.api.asyncapi;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.naming.SchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON schemas of payload records (domain events' data, socket payloads), made by victools'
 * jsonschema-generator with its Jackson module, so a schema names the fields as Jackson writes them.
 * Each record becomes a named schema under {@code #/components/schemas} ({@code MeetingEvent.Created},
 * {@code SocketPayloads.MeetingCreated}: its enclosing types and its name), referenced from the
 * messages.
 *
 * <p>What the records do not say, the rules say: every field is always written (the outbox and the
 * gateway write nulls), so every property is {@code required}; a primitive ({@code boolean},
 * {@code long}, …) is never null, every other field may be — its type includes {@code "null"}.
 * {@code Instant} is a date-time string; a type with a {@code @JsonValue} accessor ({@code MeetingId})
 * is what that accessor returns; a {@code Map} is an object; {@code Object} is anything.
 */
final class PayloadSchemas {

    static final String PATH = "components/schemas";

    private final SchemaBuilder builder;

    PayloadSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.ADDITIONAL_FIXED_TYPES,
                        Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS,
                        Option.INLINE_NULLABLE_SCHEMAS, Option.PLAIN_DEFINITION_KEYS);
        config.forFields().withRequiredCheck(field -> true);
        config.forTypesInGeneral()
                .withPropertySorter(PayloadSchemas::declarationOrder)
                .withDefinitionNamingStrategy(new EnclosingNames())
                .withCustomDefinitionProvider(new ValueTypesAndMaps());
        this.builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    }

    /** A reference to the schema of {@code record} ({@code {$ref: #/components/schemas/…}}). */
    ObjectNode reference(Class<?> record) {
        return builder.createSchemaReference(record);
    }

    /** Every schema referenced so far, by name (call once, after the last {@link #reference}). */
    Map<String, ObjectNode> definitions() {
        ObjectNode collected = builder.collectDefinitions(PATH);
        Map<String, ObjectNode> sorted = new TreeMap<>();
        collected.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), (ObjectNode) entry.getValue()));
        return sorted;
    }

    /** A record's properties in the order of its components (Jackson writes them so); others as found. */
    private static int declarationOrder(MemberScope<?, ?> one, MemberScope<?, ?> other) {
        return Comparator.comparingInt(PayloadSchemas::componentIndex).compare(one, other);
    }

    private static int componentIndex(MemberScope<?, ?> member) {
        Class<?> type = member.getDeclaringType().getErasedType();
        if (!type.isRecord()) {
            return 0;
        }
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        int index = names.indexOf(member.getDeclaredName());
        return index < 0 ? names.size() : index;
    }

    /** {@code MeetingEvent.Created}, {@code SocketPayloads.MeetingCreated}: unambiguous, and valid component keys. */
    private static final class EnclosingNames implements SchemaDefinitionNamingStrategy {
        @Override
        public String getDefinitionNameForKey(DefinitionKey key, SchemaGenerationContext context) {
            Class<?> type = key.getType().getErasedType();
            StringBuilder name = new StringBuilder(type.getSimpleName());
            for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name.insert(0, outer.getSimpleName() + ".");
            }
            return name.toString();
        }
    }

    /**
     * A value type written as one value ({@code @JsonValue}: {@code MeetingId} is its string) is the
     * schema of that value, inline; a map is an object of its values, inline (no named schema "Map").
     */
    private static final class ValueTypesAndMaps implements CustomDefinitionProviderV2 {
        @Override
        public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
            Class<?> erased = type.getErasedType();
            if (Map.class.isAssignableFrom(erased)) {
                ObjectNode map = JsonNodeFactory.instance.objectNode().put("type", "object");
                List<ResolvedType> parameters = type.typeParametersFor(Map.class);
                if (parameters != null && parameters.size() == 2 && parameters.get(1).getErasedType() != Object.class) {
                    map.set("additionalProperties", context.createDefinitionReference(parameters.get(1)));
                }
                return new CustomDefinition(map, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            for (Method method : erased.getMethods()) {
                if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                    ResolvedType value = context.getTypeContext().resolve(method.getGenericReturnType());
                    return new CustomDefinition(context.createDefinition(value), CustomDefinition.DefinitionType.INLINE,
                            CustomDefinition.AttributeInclusion.NO);
                }
            }
            return null;
        }
    }
}
