package org.npsloop.campaigns.deliverability.internal;

import static org.npsloop.campaigns.deliverability.internal.SnsVerifier.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Trace;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;

/**
 * The providers' event formats turned into delivery reports. Each event is traced by the Message-ID we gave the
 * message (its reference leads to the invitation), else the reference in the VERP return path or the provider's
 * metadata, else the recipient's address. The event's own JSON is the evidence. Events that change nothing
 * (deliveries, opens, deferrals) are counted as ignored.
 */
final class EspEvents {

    /** The reports read from one request, and how many of its events were ignored. */
    record Mapped(List<Report> reports, int ignored) {
    }

    /** Postmark bounce types that say the address will never accept mail. */
    private static final Set<String> POSTMARK_HARD = Set.of("HardBounce", "BadEmailAddress");
    /** Postmark bounce types that are temporary or about the message, not the address. */
    private static final Set<String> POSTMARK_SOFT = Set.of("SoftBounce", "Transient", "DnsError", "Blocked",
            "DMARCPolicy", "Undeliverable", "ChallengeVerification", "SpamNotification", "VirusNotification");

    private EspEvents() {
    }

    /** The Message of an SNS notification of SES (identity notifications or configuration set event publishing). */
    static Mapped ses(JsonObject message, String snsMessageId) {
        String type = text(message, "notificationType") != null ? text(message, "notificationType") : text(message, "eventType");
        JsonObject mail = object(message, "mail");
        String evidence = message.toString();
        List<Report> reports = new ArrayList<>();
        if ("Bounce".equals(type)) {
            JsonObject bounce = object(message, "bounce");
            DeliveryEventKind kind = "Permanent".equals(text(bounce, "bounceType")) ? DeliveryEventKind.HARD_BOUNCE
                    : DeliveryEventKind.SOFT_BOUNCE;
            List<JsonObject> recipients = objects(bounce, "bouncedRecipients");
            for (JsonObject recipient : recipients) {
                String email = text(recipient, "emailAddress");
                String detail = firstOf(text(recipient, "diagnosticCode"), text(bounce, "bounceType") + " "
                        + text(bounce, "bounceSubType"));
                reports.add(new Report(kind, DeliverySource.SES, sesTrace(mail, email), text(recipient, "status"), detail,
                        evidence, perRecipient(snsMessageId, email, recipients.size()), instant(text(bounce, "timestamp"))));
            }
        } else if ("Complaint".equals(type)) {
            JsonObject complaint = object(message, "complaint");
            List<JsonObject> recipients = objects(complaint, "complainedRecipients");
            for (JsonObject recipient : recipients) {
                String email = text(recipient, "emailAddress");
                String detail = firstOf(text(complaint, "complaintFeedbackType"), "complaint");
                reports.add(new Report(DeliveryEventKind.COMPLAINT, DeliverySource.SES, sesTrace(mail, email), null,
                        "complaint: " + detail, evidence, perRecipient(snsMessageId, email, recipients.size()),
                        instant(text(complaint, "timestamp"))));
            }
        } else {
            return new Mapped(List.of(), 1);
        }
        return new Mapped(reports, 0);
    }

    private static Trace sesTrace(JsonObject mail, String email) {
        String messageId = text(object(mail, "commonHeaders"), "messageId");
        for (JsonObject header : objects(mail, "headers")) {
            if (messageId == null && "message-id".equalsIgnoreCase(text(header, "name"))) {
                messageId = text(header, "value");
            }
        }
        return trace(messageId, MailReference.inAddress(text(mail, "source")).orElse(null), email);
    }

    /** SendGrid posts an array of events. */
    static Mapped sendGrid(JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.ARRAY) {
            throw EspRefusal.malformed("SendGrid posts a JSON array");
        }
        List<Report> reports = new ArrayList<>();
        int ignored = 0;
        for (JsonValue value : body.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                ignored++;
                continue;
            }
            JsonObject event = value.asJsonObject();
            String name = String.valueOf(text(event, "event"));
            String reason = text(event, "reason");
            DeliveryEventKind kind = switch (name) {
                case "bounce" -> "blocked".equals(text(event, "type")) ? DeliveryEventKind.SOFT_BOUNCE : DeliveryEventKind.HARD_BOUNCE;
                case "dropped" -> "Bounced Address".equalsIgnoreCase(String.valueOf(reason)) ? DeliveryEventKind.HARD_BOUNCE : null;
                case "spamreport" -> DeliveryEventKind.COMPLAINT;
                case "unsubscribe", "group_unsubscribe" -> DeliveryEventKind.UNSUBSCRIBE;
                default -> null;
            };
            if (kind == null) {
                ignored++;
                continue;
            }
            Trace trace = trace(text(event, "smtp-id"), null, text(event, "email"));
            reports.add(new Report(kind, DeliverySource.SENDGRID, trace, text(event, "status"), firstOf(reason, name),
                    event.toString(), text(event, "sg_event_id"), epochSeconds(event.get("timestamp"))));
        }
        return new Mapped(reports, ignored);
    }

    /** The {@code event-data} of a Mailgun webhook; {@code token} of its signature identifies it. */
    static Mapped mailgun(JsonObject eventData, String token) {
        String name = String.valueOf(text(eventData, "event"));
        DeliveryEventKind kind = switch (name) {
            case "failed" -> "permanent".equals(text(eventData, "severity")) ? DeliveryEventKind.HARD_BOUNCE
                    : DeliveryEventKind.SOFT_BOUNCE;
            case "complained" -> DeliveryEventKind.COMPLAINT;
            case "unsubscribed" -> DeliveryEventKind.UNSUBSCRIBE;
            default -> null;
        };
        if (kind == null) {
            return new Mapped(List.of(), 1);
        }
        JsonObject status = object(eventData, "delivery-status");
        String code = text(status, "code");
        String detail = firstOf(text(status, "message"), text(status, "description"), text(eventData, "reason"), name);
        String messageId = text(object(object(eventData, "message"), "headers"), "message-id");
        Trace trace = trace(messageId, null, text(eventData, "recipient"));
        return new Mapped(List.of(new Report(kind, DeliverySource.MAILGUN, trace, code, detail, eventData.toString(), token,
                epochSeconds(eventData.get("timestamp")))), 0);
    }

    /** One Postmark webhook record (Bounce, SpamComplaint, SubscriptionChange). */
    static Mapped postmark(JsonObject record) {
        String recordType = String.valueOf(text(record, "RecordType"));
        String type = String.valueOf(text(record, "Type"));
        DeliveryEventKind kind;
        String email = text(record, "Email");
        String detail = firstOf(text(record, "Description"), text(record, "Details"), type);
        String externalId = recordType + ":" + text(record, "ID");
        Instant at = instant(firstOf(text(record, "BouncedAt"), text(record, "ChangedAt")));
        switch (recordType) {
            case "Bounce" -> kind = POSTMARK_HARD.contains(type) ? DeliveryEventKind.HARD_BOUNCE
                    : POSTMARK_SOFT.contains(type) ? DeliveryEventKind.SOFT_BOUNCE
                    : "SpamComplaint".equals(type) ? DeliveryEventKind.COMPLAINT
                    : "Unsubscribe".equals(type) ? DeliveryEventKind.UNSUBSCRIBE : null;
            case "SpamComplaint" -> kind = DeliveryEventKind.COMPLAINT;
            case "SubscriptionChange" -> {
                if (!"true".equals(text(record, "SuppressSending"))) {
                    return new Mapped(List.of(), 1);
                }
                String why = String.valueOf(text(record, "SuppressionReason"));
                kind = why.equals("HardBounce") ? DeliveryEventKind.HARD_BOUNCE
                        : why.equals("SpamComplaint") ? DeliveryEventKind.COMPLAINT : DeliveryEventKind.UNSUBSCRIBE;
                email = text(record, "Recipient");
                detail = "SubscriptionChange: " + why;
                // No ID of its own: the message and the moment of the change identify it.
                externalId = recordType + ":" + text(record, "MessageID") + ":" + text(record, "ChangedAt");
            }
            default -> kind = null;
        }
        if (kind == null) {
            return new Mapped(List.of(), 1);
        }
        // Postmark's MessageID is its own; our reference comes back in the metadata or the returned content.
        JsonValue metadata = record.get("Metadata");
        MailReference reference = MailReference.inText(metadata == null ? null : metadata.toString())
                .or(() -> MailReference.inText(text(record, "Content"))).orElse(null);
        Trace trace = trace(null, reference, email);
        return new Mapped(List.of(new Report(kind, DeliverySource.POSTMARK, trace, null, detail, record.toString(),
                externalId, at)), 0);
    }

    private static Trace trace(String messageId, MailReference returnPath, String email) {
        Trace trace = Trace.email(email == null ? null : email.strip().toLowerCase(Locale.ROOT));
        if (messageId != null && !messageId.isBlank()) {
            trace = trace.withMessageId(messageId.strip());
        }
        // The Message-ID's reference is tried first by the service; the return path's only when it has none.
        if (returnPath != null && MailReference.inMessageId(messageId).isEmpty()) {
            trace = trace.withReference(returnPath);
        }
        return trace;
    }

    /** One report per recipient: the same notification about two recipients is not a replay. */
    private static String perRecipient(String id, String email, int recipients) {
        return recipients <= 1 || id == null ? id : id + "/" + email;
    }

    static JsonObject object(JsonObject parent, String name) {
        JsonValue value = parent == null ? null : parent.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    private static List<JsonObject> objects(JsonObject parent, String name) {
        JsonValue value = parent == null ? null : parent.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject).toList();
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant epochSeconds(JsonValue value) {
        if (value instanceof JsonNumber number) {
            double seconds = number.doubleValue();
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        return null;
    }
}
