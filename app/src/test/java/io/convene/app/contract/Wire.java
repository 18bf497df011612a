package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading an answer the way the Dart models' {@code fromJson} would: {@code json['x'] as String} fails on
 * a missing, null or wrongly typed value; {@code as String?} accepts missing and null but not a wrong type;
 * enums are the Dart enum's values only; DateTimes go through {@link DartDateTime}. Extra fields are fine.
 * Every failure is a {@link ContractViolation} naming the model and the field.
 */
final class Wire {

    private final String model;
    private final JsonNode json;

    private Wire(String model, JsonNode json) {
        this.model = model;
        this.json = json;
    }

    /** The object a model is read from; anything else is a violation. */
    static Wire of(String model, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ContractViolation(model + ": expected a JSON object, got " + describe(json));
        }
        return new Wire(model, json);
    }

    String string(String field) {
        return notNull(field, optionalString(field));
    }

    String optionalString(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "String", value);
        }
        return value.asText();
    }

    boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            throw missing(field);
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "bool", value);
        }
        return value.booleanValue();
    }

    Integer optionalInt(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "int", value);
        }
        return value.intValue();
    }

    Instant dateTime(String field) {
        return notNull(field, optionalDateTime(field));
    }

    Instant optionalDateTime(String field) {
        String text = optionalString(field);
        if (text == null) {
            return null;
        }
        try {
            return DartDateTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(model + "." + field + ": DateTime.parse fails on \"" + text + "\" in " + excerpt());
        }
    }

    /** A Dart enum from its wire values ({@code wire value -> enum constant}). */
    <E> E enumValue(String field, Map<String, E> values) {
        String text = string(field);
        E value = values.get(text);
        if (value == null) {
            throw new ContractViolation(model + "." + field + ": \"" + text + "\" is not one of " + values.keySet() + " in " + excerpt());
        }
        return value;
    }

    <T> List<T> list(String field, Function<JsonNode, T> element) {
        JsonNode value = value(field);
        if (value == null) {
            throw missing(field);
        }
        if (!value.isArray()) {
            throw wrongType(field, "List", value);
        }
        List<T> items = new ArrayList<>();
        value.forEach(item -> items.add(element.apply(item)));
        return items;
    }

    /** A field the seed's code reads as an object (e.g. seed 001's {@code jitsi_config}). */
    Wire object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            throw missing(field);
        }
        return Wire.of(model + "." + field, value);
    }

    JsonNode raw() {
        return json;
    }

    /** A JSON array of models: {@code Future<List<T>>}. */
    static <T> List<T> listOf(String what, JsonNode json, Function<JsonNode, T> element) {
        if (json == null || !json.isArray()) {
            throw new ContractViolation(what + ": expected a JSON array, got " + describe(json));
        }
        List<T> items = new ArrayList<>();
        json.forEach(item -> items.add(element.apply(item)));
        return items;
    }

    private JsonNode value(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T notNull(String field, T value) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    private ContractViolation missing(String field) {
        return new ContractViolation(model + "." + field + ": missing or null (not nullable in the Dart model) in " + excerpt());
    }

    private ContractViolation wrongType(String field, String type, JsonNode value) {
        return new ContractViolation(model + "." + field + ": expected " + type + ", got " + describe(value) + " in " + excerpt());
    }

    private String excerpt() {
        return abbreviate(json.toString());
    }

    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase() + " " + abbreviate(node.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    /** The answer does not fit the client's model. */
    static final class ContractViolation extends AssertionError {
        ContractViolation(String message) {
            super(message);
        }
    }
}
