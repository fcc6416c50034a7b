package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.platform.answers.StoredAnswers;

class WebhookPayloadTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anErasedAuthorsEventKeepsTheFiguresButLosesTheCommentTheAddressAndTheContact() {
        String before = WebhookPayload.json("e1", WebhookPayload.UPDATED, AT, new WebhookPayload.ResponseRow(7, 3, 2,
                "Zorglub ruined my week", true, "EMAIL", false, 4L, 5L, 6L, "anais.nobecourt@exemple.fr", AT, AT));

        String after = WebhookPayload.withoutPersonalData(before);

        assertFalse(after.contains("Zorglub") || after.contains("nobecourt"), after);
        JsonObject event = read(after);
        assertEquals("e1", event.getString("id"));
        assertEquals(WebhookPayload.UPDATED, event.getString("type"));
        JsonObject response = event.getJsonObject("response");
        assertEquals(7, response.getInt("id"));
        assertEquals(2, response.getInt("score"));
        assertEquals("detractor", response.getString("category"));
        assertEquals(JsonValue.NULL, response.get("comment"));
        assertEquals(JsonValue.NULL, response.get("contactId"));
        assertEquals(JsonValue.NULL, response.get("contactEmail"));
        assertFalse(response.getBoolean("contactConsent"));
        assertEquals(4, response.getInt("campaignId"));
    }

    private static final List<StoredAnswers.Row> ANSWERS = List.of(
            new StoredAnswers.Row(7, 11, "TOUCHPOINT_RATING", "DELIVERY", "How was the delivery?", AnswerValue.ofRating(2)),
            new StoredAnswers.Row(7, 12, "MULTIPLE_CHOICE", null, "What should we improve first?", AnswerValue.ofChoices(List.of("C1", "C3"))),
            new StoredAnswers.Row(7, 13, "YES_NO", null, "Would you buy again?", AnswerValue.ofYesNo(false)),
            new StoredAnswers.Row(7, 14, "SHORT_TEXT", null, "Anything else?", AnswerValue.ofText("Ask for Zorglub")),
            new StoredAnswers.Row(7, 15, "SINGLE_CHOICE", null, "Which store?", AnswerValue.EMPTY));

    @Test
    void theAdditionalAnswersComeWithTheirKindTouchpointWordingAndATypedValue() {
        JsonObject response = read(WebhookPayload.json("e4", WebhookPayload.UPDATED, AT, new WebhookPayload.ResponseRow(7, 3, 2,
                null, false, "PHONE", false, 4L, null, 6L, "a@exemple.fr", AT, AT), ANSWERS)).getJsonObject("response");

        JsonArray answers = response.getJsonArray("answers");
        assertEquals(5, answers.size());
        JsonObject rating = answers.getJsonObject(0);
        assertEquals(11, rating.getInt("questionId"));
        assertEquals("TOUCHPOINT_RATING", rating.getString("kind"));
        assertEquals("DELIVERY", rating.getString("touchpoint"));
        assertEquals("How was the delivery?", rating.getString("text"));
        assertEquals(2, rating.getInt("value"));
        assertEquals(JsonValue.NULL, answers.getJsonObject(1).get("touchpoint"));
        assertEquals(Json.createArrayBuilder().add("C1").add("C3").build(), answers.getJsonObject(1).getJsonArray("value"));
        assertEquals(JsonValue.FALSE, answers.getJsonObject(2).get("value"));
        assertEquals("Ask for Zorglub", answers.getJsonObject(3).getString("value"));
        assertEquals(JsonValue.NULL, answers.getJsonObject(4).get("value"), "a cleared answer");
        // Without answers, an empty array (never a missing key).
        assertEquals(0, read(WebhookPayload.json("e5", WebhookPayload.CREATED, AT, new WebhookPayload.ResponseRow(8, 1, 9,
                null, false, "EMAIL", false, null, null, null, null, AT, AT))).getJsonObject("response").getJsonArray("answers").size());
    }

    @Test
    void anErasedAuthorsShortTextAnswersGoWhileTheirRatingsChoicesAndYesNoStay() {
        String before = WebhookPayload.json("e6", WebhookPayload.UPDATED, AT, new WebhookPayload.ResponseRow(7, 3, 2,
                null, false, "PHONE", false, 4L, null, 6L, "a@exemple.fr", AT, AT), ANSWERS);

        String after = WebhookPayload.withoutPersonalData(before);

        assertFalse(after.contains("Zorglub"), after);
        JsonArray answers = read(after).getJsonObject("response").getJsonArray("answers");
        assertEquals(2, answers.getJsonObject(0).getInt("value"));
        assertEquals(Json.createArrayBuilder().add("C1").add("C3").build(), answers.getJsonObject(1).getJsonArray("value"));
        assertEquals(JsonValue.FALSE, answers.getJsonObject(2).get("value"));
        assertEquals(JsonValue.NULL, answers.getJsonObject(3).get("value"));
        assertEquals("Anything else?", answers.getJsonObject(3).getString("text"), "the question stays, not the answer");
    }

    @Test
    void theErasureEventNamesTheContactByIdOnly() {
        JsonObject event = read(WebhookPayload.contactErased("e2", AT, 42));

        assertEquals("contact.erased", event.getString("type"));
        assertEquals("e2", event.getString("id"));
        assertEquals(AT.toString(), event.getString("createdAt"));
        assertEquals(Json.createObjectBuilder().add("id", 42).build(), event.getJsonObject("contact"));
        assertTrue(!event.containsKey("response"));
    }

    @Test
    void anEventWithoutResponseIsLeftAsItIs() {
        String erased = WebhookPayload.contactErased("e3", AT, 1);
        assertEquals(erased, WebhookPayload.withoutPersonalData(erased));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
