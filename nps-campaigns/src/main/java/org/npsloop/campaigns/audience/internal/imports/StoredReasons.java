package org.npsloop.campaigns.audience.internal.imports;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.domain.i18n.Message;

/**
 * The reasons of a rejected line as stored in {@code import_rejection.reason}: keys and arguments (compact JSON,
 * e.g. {@code [{"k":"import.line.email.invalid","a":["jean@"]}]}), not a sentence, so that each reader gets them in
 * their own language. Lines rejected before reasons had keys hold an English sentence, which is read back as is.
 */
public final class StoredReasons {

    /** The size of {@code import_rejection.reason}. */
    public static final int MAX_LENGTH = 1000;

    /** Text arguments (a cell's content) are shortened until the reasons fit: the raw line is kept whole apart. */
    private static final int[] ARGUMENT_LENGTHS = {200, 60, 20};

    private StoredReasons() {
    }

    /** At most {@link #MAX_LENGTH} characters: long cell values are shortened, then the last reasons dropped. */
    public static String encode(List<Message> reasons) {
        for (int max : ARGUMENT_LENGTHS) {
            String json = array(reasons, max).toString();
            if (json.length() <= MAX_LENGTH) {
                return json;
            }
        }
        int shortest = ARGUMENT_LENGTHS[ARGUMENT_LENGTHS.length - 1];
        for (int count = reasons.size() - 1; count > 0; count--) {
            String json = array(reasons.subList(0, count), shortest).toString();
            if (json.length() <= MAX_LENGTH) {
                return json;
            }
        }
        return array(List.of(Message.of(reasons.get(0).key())), shortest).toString();
    }

    public static List<Message> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of(Message.of("?"));
        }
        if (!stored.startsWith("[{")) {
            return List.of(Message.of(stored));
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            List<Message> reasons = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                reasons.add(message(value.asJsonObject()));
            }
            return reasons;
        } catch (JsonException | ClassCastException | IllegalStateException | NullPointerException e) {
            return List.of(Message.of(stored));
        }
    }

    private static JsonArray array(List<Message> reasons, int maxArgument) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        reasons.forEach(reason -> array.add(object(reason, maxArgument)));
        return array.build();
    }

    private static JsonObject object(Message message, int maxArgument) {
        JsonArrayBuilder arguments = Json.createArrayBuilder();
        for (Object argument : message.arguments()) {
            if (argument instanceof Message nested) {
                arguments.add(object(nested, maxArgument));
            } else if (argument instanceof Integer || argument instanceof Long || argument instanceof Short) {
                arguments.add(((Number) argument).longValue());
            } else if (argument instanceof Number number) {
                arguments.add(number.doubleValue());
            } else {
                arguments.add(shortened(String.valueOf(argument), maxArgument));
            }
        }
        return Json.createObjectBuilder().add("k", message.key()).add("a", arguments).build();
    }

    private static Message message(JsonObject object) {
        List<Object> arguments = new ArrayList<>();
        for (JsonValue argument : object.getJsonArray("a")) {
            arguments.add(switch (argument.getValueType()) {
                case OBJECT -> message(argument.asJsonObject());
                case NUMBER -> ((JsonNumber) argument).isIntegral() ? (Object) ((JsonNumber) argument).longValue()
                        : (Object) ((JsonNumber) argument).doubleValue();
                case STRING -> ((JsonString) argument).getString();
                default -> argument.toString();
            });
        }
        return new Message(object.getString("k"), arguments);
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "\u2026";
    }
}
