package org.npsloop.domain.i18n;

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

/**
 * Messages stored in a text column as keys and arguments (compact JSON, e.g.
 * {@code [{"k":"campaign.paused.complaints","a":[3,20,"15","0.3"]}]}) rather than as a sentence, so that each reader
 * gets them in their own language. A column written before it held keys holds an English sentence, which is read back
 * as it is ({@link Message} renders an unknown key as itself). Used by import rejections and campaign pause reasons.
 */
public final class StoredMessages {

    private StoredMessages() {
    }

    /** The messages as JSON, text arguments cut to {@code maxArgument} characters (with an ellipsis). */
    public static String encode(List<Message> messages, int maxArgument) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(message -> array.add(object(message, maxArgument)));
        return array.build().toString();
    }

    /** One message, text arguments up to 200 characters. */
    public static String encode(Message message) {
        return encode(List.of(message), 200);
    }

    /** What {@link #encode} wrote; an older sentence (or anything that is not our JSON) as one message of itself. */
    public static List<Message> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of(Message.of("?"));
        }
        if (!stored.startsWith("[{")) {
            return List.of(Message.of(stored));
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            List<Message> messages = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                messages.add(message(value.asJsonObject()));
            }
            return messages.isEmpty() ? List.of(Message.of(stored)) : messages;
        } catch (JsonException | ClassCastException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            return List.of(Message.of(stored));
        }
    }

    /** The first message stored, or null when nothing is. */
    public static Message decodeOne(String stored) {
        return stored == null || stored.isBlank() ? null : decode(stored).get(0);
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
        JsonArray stored = object.getJsonArray("a");
        for (JsonValue argument : stored == null ? JsonValue.EMPTY_JSON_ARRAY : stored) {
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
