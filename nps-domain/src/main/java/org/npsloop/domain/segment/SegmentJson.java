package org.npsloop.domain.segment;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;

/**
 * The JSON form of segment rules, as stored in {@code segment.definition} and sent by the rule
 * builder, e.g. {@code {"type":"attribute","attribute":"plan","operator":"IN","values":["pro"]}}.
 * Reading is strict (unknown types, keys and names are refused, naming the JSON path) so that a typo
 * never silently widens a segment; writing then reading gives back an equal rule.
 */
public final class SegmentJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The "type" of each kind of rule, and the other keys it may have. */
    private enum Kind {
        GROUP("group", "match", "rules"),
        ATTRIBUTE("attribute", "attribute", "operator", "values", "days"),
        FIELD("field", "field", "operator", "values", "days"),
        LIST("list", "listId", "member"),
        EVENT("event", "eventType", "occurrence", "days"),
        SURVEY("survey", "condition", "category", "days");

        final String type;
        final Set<String> keys;

        Kind(String type, String... keys) {
            this.type = type;
            this.keys = Set.of(keys);
        }
    }

    private static final String TYPE = "type";

    private SegmentJson() {
    }

    public static String toJson(SegmentRule rule) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JSON.createWriter(out)) {
            writer.writeObject(write(rule));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for text that is not JSON or not a valid rule, with the JSON path */
    public static SegmentRule fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("A segment definition cannot be empty");
        }
        JsonValue value;
        // A parser rather than a reader, which would ignore whatever follows the first value.
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("more content after the rule");
            }
        } catch (JsonException | NoSuchElementException e) {
            throw new IllegalArgumentException("A segment definition is not valid JSON: " + e.getMessage(), e);
        }
        return read(value, "$");
    }

    private static JsonObject write(SegmentRule rule) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (rule instanceof Group group) {
            JsonArrayBuilder rules = JSON.createArrayBuilder();
            group.rules().forEach(r -> rules.add(write(r)));
            json.add(TYPE, Kind.GROUP.type).add("match", group.match().name()).add("rules", rules);
        } else if (rule instanceof AttributeCondition condition) {
            json.add(TYPE, Kind.ATTRIBUTE.type).add("attribute", condition.attribute()).add("operator", condition.operator().name());
            writeOperands(json, condition.values(), condition.days());
        } else if (rule instanceof FieldCondition condition) {
            json.add(TYPE, Kind.FIELD.type).add("field", condition.field().name()).add("operator", condition.operator().name());
            writeOperands(json, condition.values(), condition.days());
        } else if (rule instanceof ListMembership membership) {
            json.add(TYPE, Kind.LIST.type).add("listId", membership.listId()).add("member", membership.member());
        } else if (rule instanceof EventCondition condition) {
            json.add(TYPE, Kind.EVENT.type).add("eventType", condition.eventType()).add("occurrence", condition.occurrence().name());
            writeOperands(json, List.of(), condition.days());
        } else if (rule instanceof SurveyHistory history) {
            json.add(TYPE, Kind.SURVEY.type).add("condition", history.condition().name());
            if (history.category() != null) {
                json.add("category", history.category().name());
            }
            writeOperands(json, List.of(), history.days());
        } else {
            throw new IllegalStateException("Unknown kind of rule: " + rule);
        }
        return json.build();
    }

    /** Values and days only when there are some, as the operator decides. */
    private static void writeOperands(JsonObjectBuilder json, List<String> values, Integer days) {
        if (!values.isEmpty()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            json.add("values", array);
        }
        if (days != null) {
            json.add("days", days);
        }
    }

    private static SegmentRule read(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw error(path, "expected a rule object, e.g. {\"type\":\"group\",...}");
        }
        JsonObject json = value.asJsonObject();
        String type = requiredString(json, TYPE, path);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.type.equalsIgnoreCase(type.strip())).findFirst()
                .orElseThrow(() -> error(path + "." + TYPE, "unknown type '" + type + "' (expected "
                        + RuleChecks.orList(Arrays.stream(Kind.values()).map(k -> k.type).toList()) + ")"));
        for (String key : json.keySet()) {
            if (!key.equals(TYPE) && !kind.keys.contains(key)) {
                throw error(path + "." + key, "unknown key for a rule of type " + kind.type);
            }
        }
        return switch (kind) {
            case GROUP -> readGroup(json, path);
            case ATTRIBUTE -> {
                String attribute = requiredString(json, "attribute", path);
                Operator operator = requiredEnum(json, "operator", Operator.class, path);
                List<String> values = values(json, path);
                Integer days = days(json, path);
                yield build(path, () -> new AttributeCondition(attribute, operator, values, days));
            }
            case FIELD -> {
                ContactField field = requiredEnum(json, "field", ContactField.class, path);
                Operator operator = requiredEnum(json, "operator", Operator.class, path);
                List<String> values = values(json, path);
                Integer days = days(json, path);
                yield build(path, () -> new FieldCondition(field, operator, values, days));
            }
            case LIST -> {
                long listId = requiredLong(json, "listId", path);
                boolean member = requiredBoolean(json, "member", path);
                yield build(path, () -> new ListMembership(listId, member));
            }
            case EVENT -> {
                String eventType = requiredString(json, "eventType", path);
                EventOccurrence occurrence = requiredEnum(json, "occurrence", EventOccurrence.class, path);
                Integer days = days(json, path);
                yield build(path, () -> new EventCondition(eventType, occurrence, days));
            }
            case SURVEY -> {
                SurveyCondition condition = requiredEnum(json, "condition", SurveyCondition.class, path);
                NpsCategory category = isAbsent(json, "category") ? null : requiredEnum(json, "category", NpsCategory.class, path);
                Integer days = days(json, path);
                yield build(path, () -> new SurveyHistory(condition, category, days));
            }
        };
    }

    private static SegmentRule readGroup(JsonObject json, String path) {
        Match match = requiredEnum(json, "match", Match.class, path);
        JsonArray array = requiredOf(json, "rules", JsonValue.ValueType.ARRAY, "a list of rules", path).asJsonArray();
        List<SegmentRule> rules = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            rules.add(read(array.get(i), path + ".rules[" + i + "]"));
        }
        return build(path, () -> new Group(match, rules));
    }

    /** Builds a record, giving its validation message the path of the object. */
    private static SegmentRule build(String path, Supplier<SegmentRule> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("rule.at", path, InvalidValueException.reasonOf(e));
        }
    }

    private static boolean isAbsent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static JsonValue requiredOf(JsonObject json, String key, JsonValue.ValueType type, String expected, String path) {
        if (isAbsent(json, key)) {
            throw error(path, "missing \"" + key + "\"");
        }
        JsonValue value = json.get(key);
        if (value.getValueType() != type) {
            throw error(path + "." + key, "expected " + expected);
        }
        return value;
    }

    private static String requiredString(JsonObject json, String key, String path) {
        return ((JsonString) requiredOf(json, key, JsonValue.ValueType.STRING, "a text", path)).getString();
    }

    private static long requiredLong(JsonObject json, String key, String path) {
        JsonNumber number = (JsonNumber) requiredOf(json, key, JsonValue.ValueType.NUMBER, "a whole number", path);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw error(path + "." + key, "expected a whole number, not " + number);
        }
    }

    private static boolean requiredBoolean(JsonObject json, String key, String path) {
        if (isAbsent(json, key)) {
            throw error(path, "missing \"" + key + "\"");
        }
        JsonValue value = json.get(key);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw error(path + "." + key, "expected true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** Names of enum constants are read ignoring case. */
    private static <E extends Enum<E>> E requiredEnum(JsonObject json, String key, Class<E> type, String path) {
        String name = requiredString(json, key, path);
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(path + "." + key, "unknown " + key + " '" + name + "' (expected "
                    + RuleChecks.orList(Arrays.asList(type.getEnumConstants())) + ")");
        }
    }

    private static Integer days(JsonObject json, String path) {
        if (isAbsent(json, "days")) {
            return null;
        }
        long days = requiredLong(json, "days", path);
        if (days != (int) days) {
            throw error(path + ".days", "days must be between 1 and " + RuleChecks.MAX_DAYS + "; got " + days);
        }
        return (int) days;
    }

    /** Values are text; numbers and true/false are accepted too, as the builder may send them unquoted. */
    private static List<String> values(JsonObject json, String path) {
        if (isAbsent(json, "values")) {
            return List.of();
        }
        JsonArray array = requiredOf(json, "values", JsonValue.ValueType.ARRAY, "a list of values", path).asJsonArray();
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            values.add(switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NUMBER, TRUE, FALSE -> value.toString();
                default -> throw error(path + ".values[" + i + "]", "expected a text, number or true/false value");
            });
        }
        return values;
    }

    private static IllegalArgumentException error(String path, String message) {
        return new IllegalArgumentException(path + ": " + message);
    }
}
