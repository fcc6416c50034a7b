package org.npsloop.campaigns.internal.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import org.npsloop.domain.nps.NpsCategory;

/** The JSON body of one event: what a response looked like at that version. */
public final class WebhookPayload {

    public static final String CREATED = "response.created";
    public static final String UPDATED = "response.updated";

    /** One response row, as the scan read it. */
    public record ResponseRow(long id, long version, int score, String comment, boolean contactConsent, String channel,
            boolean flagged, Long campaignId, Long invitationId, Long contactId, String contactEmail, Instant respondedAt,
            Instant updatedAt) {
    }

    private WebhookPayload() {
    }

    /**
     * {@code {"id":eventId,"type":"response.created","createdAt":...,"response":{"id","version","score",
     * "category","comment","contactConsent","channel","flagged","campaignId","invitationId","contactId",
     * "contactEmail","respondedAt","updatedAt"}}}; absent values are JSON nulls.
     */
    public static String json(String eventId, String type, Instant createdAt, ResponseRow r) {
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
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(Json.createObjectBuilder().add("id", eventId).add("type", type)
                    .add("createdAt", createdAt.toString()).add("response", response).build());
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
