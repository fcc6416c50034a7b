package org.npsloop.campaigns.webhook.internal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.platform.answers.StoredAnswers;

/** The JSON body of one event: what a response looked like at that version. */
public final class WebhookPayload {

    public static final String CREATED = "response.created";
    public static final String UPDATED = "response.updated";
    /** A contact was erased: the receiver should erase what it keeps of that contact. */
    public static final String CONTACT_ERASED = "contact.erased";

    /** One response row, as the scan read it. */
    public record ResponseRow(long id, long version, int score, String comment, boolean contactConsent, String channel,
            boolean flagged, Long campaignId, Long invitationId, Long contactId, String contactEmail, Instant respondedAt,
            Instant updatedAt) {
    }

    private WebhookPayload() {
    }

    /** A response without additional answers. */
    public static String json(String eventId, String type, Instant createdAt, ResponseRow r) {
        return json(eventId, type, createdAt, r, List.of());
    }

    /**
     * {@code {"id":eventId,"type":"response.created","createdAt":...,"response":{"id","version","score",
     * "category","comment","contactConsent","channel","flagged","campaignId","invitationId","contactId",
     * "contactEmail","respondedAt","updatedAt","answers":[{"questionId","kind","touchpoint","text","value"}]}}};
     * absent values are JSON nulls. An answer's {@code touchpoint} is the code of the touchpoint a rating is about
     * (null for other kinds), {@code text} the question's English wording, {@code value} a number (rating), an array
     * of option codes (choices), a string (short text), a boolean (yes/no), or null once cleared.
     */
    public static String json(String eventId, String type, Instant createdAt, ResponseRow r, List<StoredAnswers.Row> answers) {
        JsonObjectBuilder response = Json.createObjectBuilder()
                .add("id", r.id())
                .add("version", r.version())
                .add("score", r.score())
                .add("category", NpsCategory.of(r.score()).name().toLowerCase(Locale.ROOT));
        text(response, "comment", r.comment());
        response.add("contactConsent", r.contactConsent());
        text(response, "channel", r.channel());
        response.add("flagged", r.flagged());
        number(response, "campaignId", r.campaignId());
        number(response, "invitationId", r.invitationId());
        number(response, "contactId", r.contactId());
        text(response, "contactEmail", r.contactEmail());
        text(response, "respondedAt", r.respondedAt() == null ? null : r.respondedAt().toString());
        text(response, "updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
        var array = Json.createArrayBuilder();
        for (StoredAnswers.Row answer : answers) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("questionId", answer.questionId()).add("kind", answer.kind());
            text(json, "touchpoint", answer.touchpoint());
            text(json, "text", answer.textEn());
            json.add("value", plain(answer.value().plain()));
            array.add(json);
        }
        response.add("answers", array);
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(Json.createObjectBuilder().add("id", eventId).add("type", type)
                    .add("createdAt", createdAt.toString()).add("response", response).build());
        }
        return out.toString();
    }

    /**
     * {@code {"id":eventId,"type":"contact.erased","createdAt":...,"contact":{"id":contactId}}}: the contact's id
     * alone (the receiver knows it from earlier events' {@code response.contactId}), no personal data.
     */
    public static String contactErased(String eventId, Instant createdAt, long contactId) {
        return write(Json.createObjectBuilder().add("id", eventId).add("type", CONTACT_ERASED)
                .add("createdAt", createdAt.toString()).add("contact", Json.createObjectBuilder().add("id", contactId))
                .build());
    }

    private static jakarta.json.JsonValue plain(Object value) {
        if (value instanceof Integer rating) {
            return Json.createValue(rating);
        }
        if (value instanceof List<?> codes) {
            return Json.createArrayBuilder(codes).build();
        }
        if (value instanceof Boolean yes) {
            return yes ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
        }
        return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value.toString());
    }

    /**
     * A recorded event as it may stay after its author's erasure: the response's comment, contact id and
     * address, and the values of its short-text answers (personal, as a comment is) become JSON nulls, as if the
     * response had always been anonymous; the rest (ratings, choices, yes/no) is unchanged.
     */
    public static String withoutPersonalData(String payload) {
        jakarta.json.JsonObject event;
        try (var reader = Json.createReader(new java.io.StringReader(payload))) {
            event = reader.readObject();
        }
        if (!event.containsKey("response") || !(event.get("response") instanceof jakarta.json.JsonObject response)) {
            return payload;
        }
        JsonObjectBuilder anonymous = Json.createObjectBuilder(response).addNull("comment").addNull("contactId")
                .addNull("contactEmail").add("contactConsent", false);
        if (response.get("answers") instanceof jakarta.json.JsonArray answers) {
            var kept = Json.createArrayBuilder();
            for (jakarta.json.JsonValue answer : answers) {
                kept.add(answer instanceof jakarta.json.JsonObject a && QuestionKind.SHORT_TEXT.name().equals(a.getString("kind", null))
                        ? Json.createObjectBuilder(a).addNull("value") : Json.createObjectBuilder((jakarta.json.JsonObject) answer));
            }
            anonymous.add("answers", kept);
        }
        return write(Json.createObjectBuilder(event).add("response", anonymous).build());
    }

    private static String write(jakarta.json.JsonObject json) {
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void number(JsonObjectBuilder json, String name, Long value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.longValue());
        }
    }
}
