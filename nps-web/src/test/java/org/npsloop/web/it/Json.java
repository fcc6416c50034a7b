package org.npsloop.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The API's JSON answers read as JSON (Jakarta JSON-P; Parsson on the test classpath) rather than matched as text:
 * a field is found by its path whatever the order, spacing or escaping of the text, and a value is compared whole
 * ({@code "score":9} no longer also matches {@code "score":90}). Paths are field names and array indexes joined by
 * dots ({@code "errors.0.field"}); a missing field or a value of another type fails with the whole answer.
 */
final class Json {

    private Json() {
    }

    static JsonStructure parse(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.read();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text, e);
        }
    }

    static JsonObject object(String text) {
        if (parse(text) instanceof JsonObject object) {
            return object;
        }
        throw new AssertionError("not a JSON object: " + text);
    }

    static JsonObject object(HttpResponse<String> response) {
        return object(response.body());
    }

    static JsonArray array(String text) {
        if (parse(text) instanceof JsonArray array) {
            return array;
        }
        throw new AssertionError("not a JSON array: " + text);
    }

    static JsonArray array(HttpResponse<String> response) {
        return array(response.body());
    }

    /** The value at {@code path}, if every step of it exists ({@code ""}: the root itself). */
    static Optional<JsonValue> find(JsonValue root, String path) {
        JsonValue value = root;
        if (!path.isEmpty()) {
            for (String step : path.split("\\.")) {
                if (value instanceof JsonObject object && object.containsKey(step)) {
                    value = object.get(step);
                } else if (value instanceof JsonArray array && step.chars().allMatch(Character::isDigit)
                        && Integer.parseInt(step) < array.size()) {
                    value = array.get(Integer.parseInt(step));
                } else {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(value);
    }

    /** The value at {@code path}; fails, showing the JSON, when there is none. */
    static JsonValue at(JsonValue root, String path) {
        return find(root, path).orElseThrow(() -> new AssertionError("no " + path + " in " + root));
    }

    static boolean has(JsonValue root, String path) {
        return find(root, path).isPresent();
    }

    /** A text field's value, or null for a JSON null. */
    static String string(JsonValue root, String path) {
        JsonValue value = at(root, path);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new AssertionError(path + " is not a string in " + root);
    }

    /** A whole-number field's value. */
    static long number(JsonValue root, String path) {
        if (at(root, path) instanceof JsonNumber number && number.isIntegral()) {
            return number.longValueExact();
        }
        throw new AssertionError(path + " is not a whole number in " + root);
    }

    /** A number field's value, whole or not, or null for a JSON null. */
    static BigDecimal decimal(JsonValue root, String path) {
        JsonValue value = at(root, path);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        throw new AssertionError(path + " is not a number in " + root);
    }

    static boolean bool(JsonValue root, String path) {
        JsonValue value = at(root, path);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new AssertionError(path + " is not a boolean in " + root);
    }

    static boolean isNull(JsonValue root, String path) {
        return at(root, path) == JsonValue.NULL;
    }

    /** The value at {@code path} as the JSON text of a number or string (an id such as {@code "42"}). */
    static String text(JsonValue root, String path) {
        JsonValue value = at(root, path);
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** The {@code id} of a JSON object answer, as a path segment ({@code "42"}). */
    static String id(HttpResponse<String> response) {
        return text(object(response), "id");
    }

    /** The objects of the array at {@code path} ({@code ""}: the root). */
    static List<JsonObject> objects(JsonValue root, String path) {
        if (at(root, path) instanceof JsonArray array) {
            return array.stream().map(v -> {
                if (v instanceof JsonObject o) {
                    return o;
                }
                throw new AssertionError(path + " holds a non-object " + v + " in " + root);
            }).toList();
        }
        throw new AssertionError(path + " is not an array in " + root);
    }

    /** The texts (strings, or numbers as written) at {@code field} of each object of the array at {@code path}. */
    static List<String> texts(JsonValue root, String path, String field) {
        return objects(root, path).stream().map(o -> text(o, field)).toList();
    }

    /** The strings of the array at {@code path}. */
    static List<String> strings(JsonValue root, String path) {
        if (at(root, path) instanceof JsonArray array) {
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
        }
        throw new AssertionError(path + " is not an array in " + root);
    }

    /** The objects of the array at {@code path} whose {@code field} is this text (string, or number as written). */
    static List<JsonObject> where(JsonValue root, String path, String field, String value) {
        return objects(root, path).stream().filter(o -> has(o, field) && value.equals(text(o, field))).toList();
    }

    /** The one object of the array at {@code path} whose {@code field} is this text; fails unless exactly one. */
    static JsonObject only(JsonValue root, String path, String field, String value) {
        List<JsonObject> found = where(root, path, field, value);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " objects with " + field + " = " + value + " at " + path + " in " + root);
        }
        return found.get(0);
    }

    static List<JsonObject> filter(List<JsonObject> objects, Predicate<JsonObject> which) {
        return objects.stream().filter(which).toList();
    }

    /**
     * A JSON object as plain Java values, for tests that walk a whole report: objects as maps (in their order),
     * arrays as lists, whole numbers as Long, others as Double, true/false as Boolean, null as null.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String text) {
        return (Map<String, Object>) plain(object(text));
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> map.put(name, plain(member)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(element -> list.add(plain(element)));
                yield list;
            }
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValueExact()
                    : (Object) ((JsonNumber) value).doubleValue();
            case STRING -> ((JsonString) value).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** The fields an API refusal ({@code ApiError}) names, in its order. */
    static List<String> refusedFields(HttpResponse<String> refusal) {
        JsonObject error = object(refusal);
        return has(error, "errors") && !isNull(error, "errors") ? texts(error, "errors", "field") : List.of();
    }

    /** Whether an API refusal says this: in its {@code message} or in the reason it gives for a field. */
    static boolean says(HttpResponse<String> refusal, String text) {
        JsonObject error = object(refusal);
        List<String> reasons = new ArrayList<>();
        if (has(error, "message") && !isNull(error, "message")) {
            reasons.add(string(error, "message"));
        }
        if (has(error, "errors") && !isNull(error, "errors")) {
            reasons.addAll(texts(error, "errors", "message"));
        }
        return reasons.stream().anyMatch(reason -> reason.contains(text));
    }

    /** The reason an API refusal gives for this field; fails unless it names the field once. */
    static String refusal(HttpResponse<String> refusal, String field) {
        return string(only(object(refusal), "errors", "field", field), "message");
    }
}
