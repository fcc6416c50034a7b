package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything about one contact, for the contact page, the API and the GDPR export. */
public record ContactDetail(ContactSummary contact, Map<String, Object> attributes, List<ListRef> lists,
        List<EventRow> events, List<InvitationRow> invitations, List<ResponseRow> responses) {

    public record ListRef(long id, String name) {
    }

    /** Properties as the JSON object they were sent as (null when none). */
    public record EventRow(long id, String type, Instant occurredAt, String externalId, jakarta.json.JsonObject properties) {
    }

    public record InvitationRow(long id, String campaign, String kind, String status, Instant dueAt, Instant sentAt) {
    }

    public record ResponseRow(long id, int score, String category, String comment, boolean contactConsent,
            String channel, Instant respondedAt) {
    }
}
