package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
