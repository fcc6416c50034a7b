package org.npsloop.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.npsloop.campaigns.respond.ResponseEntryService.EntryInput;
import org.npsloop.domain.validation.Violations;

/**
 * The body of a phone or manual answer. Its {@code answers} object is read here rather than by JSON-B, so that each
 * value may be the JSON a client naturally sends ({@code 4}, {@code "C2"}, {@code ["C1","C3"]}, {@code true},
 * {@code "text"}, {@code null} or {@code []} for none) and a bad one is named {@code answers.<key>} in the 400.
 */
final class EntryJson {

    private static final Pattern QUESTION_ID = Pattern.compile("[0-9]{1,18}");

    private EntryJson() {
    }

    /**
     * @throws ProcessingException for a body that is not a JSON object of this call (400, as any unreadable body)
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused answer
     */
    static EntryInput read(String body) {
        JsonObject json;
        EntryInput input;
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
            input = JsonConfiguration.jsonb().fromJson(Json.createObjectBuilder(json).remove("answers").build().toString(),
                    EntryInput.class);
        } catch (JsonException | JsonbException | IllegalStateException e) {
            throw new ProcessingException("unreadable answer body", e);
        }
        return input.withAnswers(answers(json.get("answers")));
    }

    static Map<Long, List<String>> answers(JsonValue json) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Violations violations = new Violations();
        if (!(json instanceof JsonObject object)) {
            violations.add("answers", "entry.answers.invalid");
            violations.throwIfAny();
            return null;
        }
        Map<Long, List<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String field = "answers." + entry.getKey();
            if (!QUESTION_ID.matcher(entry.getKey()).matches()) {
                violations.add(field, "entry.answers.key.invalid", entry.getKey());
                continue;
            }
            List<String> values = values(entry.getValue());
            if (values == null) {
                violations.add(field, "entry.answers.value.invalid");
            } else {
                answers.put(Long.valueOf(entry.getKey()), values);
            }
        }
        violations.throwIfAny();
        return answers;
    }

    /** The values of one answer as a form would send them; null when the JSON is not a value or a list of values. */
    private static List<String> values(JsonValue value) {
        if (value instanceof JsonArray array) {
            List<String> values = new ArrayList<>();
            for (JsonValue item : array) {
                String one = scalar(item);
                if (one == null) {
                    return null;
                }
                values.add(one);
            }
            return values;
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        String one = scalar(value);
        return one == null ? null : List.of(one);
    }

    private static String scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> null;
        };
    }
}
