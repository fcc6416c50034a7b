package org.npsloop.campaigns.deliverability;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Trace;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.deliverability.DeliveryEvent;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * A report received by the generic authenticated endpoint ({@code POST /api/deliverability/events}), for a mail system
 * that has no webhook of its own here: {@code {kind, email | messageId | reference, status, detail, externalId,
 * occurredAt}}. Every field is checked before anything is stored, and every bad one is named at once; the JSON
 * received is the evidence kept with the report.
 */
public final class GenericEvent {

    private static final Set<String> FIELDS = Set.of("kind", "email", "messageId", "reference", "status", "detail",
            "externalId", "occurredAt");
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}|[245]\\d\\d");
    /** A clock a little ahead at the caller's side is no reason to refuse. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_MESSAGE_ID = 998;

    private GenericEvent() {
    }

    /**
     * @param body the request's body as received (kept as the evidence)
     * @throws InvalidInputException naming each bad field; {@code body} when it is no JSON object
     */
    public static Report read(String body, Instant now) {
        JsonObject json = object(body);
        List<FieldError> errors = new ArrayList<>();
        json.keySet().stream().filter(name -> !FIELDS.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "deliverability.field.unknown")));
        DeliveryEventKind kind = null;
        String kindText = text(json, "kind", 40, errors);
        if (kindText == null || kindText.isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals("kind"))) {
                errors.add(new FieldError("kind", "deliverability.kind.required"));
            }
        } else {
            try {
                kind = DeliveryEventKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "deliverability.kind.invalid"));
            }
        }
        String email = blankToNull(text(json, "email", 330, errors));
        if (email != null) {
            try {
                email = new EmailAddress(email).value();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("email", InvalidValueException.reasonOf(e)));
            }
        }
        String messageId = blankToNull(text(json, "messageId", MAX_MESSAGE_ID, errors));
        MailReference reference = null;
        String referenceText = blankToNull(text(json, "reference", MailReference.LENGTH + 10, errors));
        if (referenceText != null) {
            try {
                reference = new MailReference(referenceText.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reference", "deliverability.reference.invalid"));
            }
        }
        if (email == null && messageId == null && referenceText == null && errors.stream().noneMatch(
                e -> e.field().equals("email") || e.field().equals("messageId"))) {
            errors.add(new FieldError("email", "deliverability.trace.required"));
        }
        String status = blankToNull(text(json, "status", 100, errors));
        if (status != null && !STATUS.matcher(status.strip()).matches()) {
            errors.add(new FieldError("status", "deliverability.status.invalid"));
        }
        String detail = blankToNull(text(json, "detail", 1000, errors));
        String externalId = blankToNull(text(json, "externalId", 200, errors));
        Instant occurredAt = null;
        String when = blankToNull(text(json, "occurredAt", 100, errors));
        if (when != null) {
            try {
                occurredAt = OffsetDateTime.parse(when.strip()).toInstant();
                if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
                    errors.add(new FieldError("occurredAt", "deliverability.occurredAt.future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("occurredAt", "deliverability.occurredAt.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Trace trace = new Trace(null, reference, messageId == null ? null : messageId.strip(), null, email);
        return new Report(kind, DeliverySource.API, trace, status == null ? null : status.strip(),
                detail == null ? status : detail, DeliveryEvent.cut(body, DeliveryEvent.MAX_EVIDENCE),
                externalId == null ? null : externalId.strip(), occurredAt);
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "deliverability.body.expected");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "deliverability.body.expected");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "deliverability.body.expected");
        }
    }

    /** The field's text, null when absent or null; a number or an object is refused, and so is a text too long. */
    private static String text(JsonObject json, String field, int max, List<FieldError> errors) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "deliverability.text.expected"));
            return null;
        }
        if (string.getString().length() > max) {
            errors.add(new FieldError(field, "deliverability.text.tooLong", max));
            return null;
        }
        return string.getString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
