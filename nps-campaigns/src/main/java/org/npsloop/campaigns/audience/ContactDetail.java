package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything about one contact, for the contact page, the API and the GDPR export. */
public record ContactDetail(ContactSummary contact, Map<String, Object> attributes, List<ListRef> lists,
        List<EventRow> events, List<InvitationRow> invitations, List<ResponseRow> responses, List<DeliveryRow> deliveries) {

    /** A bounce, complaint or unsubscribe reported about one of the contact's messages (issue 15). */
    public record DeliveryRow(String kind, String source, String statusCode, String detail, Instant occurredAt,
            Long invitationId) {
    }

    public record ListRef(long id, String name) {
    }

    /** Properties as the JSON object they were sent as (null when none). */
    public record EventRow(long id, String type, Instant occurredAt, String externalId, jakarta.json.JsonObject properties) {
    }

    public record InvitationRow(long id, String campaign, String kind, String status, Instant dueAt, Instant sentAt) {
    }

    /** @param answers the answers to the survey's additional questions, in the survey's order */
    public record ResponseRow(long id, int score, String category, String comment, boolean contactConsent,
            String channel, Instant respondedAt, List<AnswerRow> answers) {
    }

    /**
     * An additional answer as the person can read it: the question in their language, the touchpoint code of a
     * rating, the value (a rating, the options chosen by their labels, a text, yes/no as a boolean; null once
     * cleared) and every version given, oldest first.
     */
    public record AnswerRow(long questionId, String question, String kind, String touchpoint, Object value,
            List<AnswerChange> history) {
    }

    /** One version of an answer as stored: the rating, option codes separated by '|', yes/no or the text; null when cleared. */
    public record AnswerChange(String value, Instant changedAt) {
    }
}
