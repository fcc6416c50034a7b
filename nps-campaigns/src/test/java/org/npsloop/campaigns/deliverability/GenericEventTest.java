package org.npsloop.campaigns.deliverability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/** The generic endpoint's body: read into a report with the JSON as evidence, or refused naming every bad field. */
class GenericEventTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String REFERENCE = "a".repeat(50) + "23";

    @Test
    void aComplaintByAddressBecomesAReportOfTheApiWithTheBodyAsEvidence() {
        String body = "{\"kind\":\"complaint\",\"email\":\" Jean@Exemple.FR \",\"status\":\"5.7.1\",\"detail\":\"abuse\","
                + "\"externalId\":\" relay-42 \",\"occurredAt\":\"2026-12-04T11:00:00+01:00\"}";
        Report report = GenericEvent.read(body, NOW);
        assertEquals(DeliveryEventKind.COMPLAINT, report.kind());
        assertEquals(DeliverySource.API, report.source());
        assertEquals("jean@exemple.fr", report.trace().email());
        assertEquals("5.7.1", report.statusCode());
        assertEquals("abuse", report.detail());
        assertEquals(body, report.evidence());
        assertEquals("relay-42", report.externalId());
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), report.occurredAt());
    }

    @Test
    void aMessageIdOrAReferenceIsEnough() {
        Report byId = GenericEvent.read("{\"kind\":\"HARD_BOUNCE\",\"messageId\":\"<" + REFERENCE + "@acme.example>\"}", NOW);
        assertEquals("<" + REFERENCE + "@acme.example>", byId.trace().messageId());
        assertNull(byId.occurredAt(), "now, by the service");
        Report byReference = GenericEvent.read("{\"kind\":\"SOFT_BOUNCE\",\"reference\":\"" + REFERENCE.toUpperCase(Locale.ROOT)
                + "\",\"status\":\"452\"}", NOW);
        assertEquals(REFERENCE, byReference.trace().reference().value());
        assertEquals("452", byReference.detail(), "the status stands for the detail when there is none");
    }

    @Test
    void everyBadFieldIsNamedAtOnceInEitherLanguage() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> GenericEvent.read("{\"kind\":\"SPAM\","
                + "\"email\":\"jean@\",\"reference\":\"nope\",\"status\":\"bounced\",\"detail\":3,\"externalId\":\""
                + "x".repeat(201) + "\",\"occurredAt\":\"yesterday\",\"colour\":\"red\"}", NOW));
        assertEquals(List.of("colour", "kind", "email", "reference", "status", "detail", "externalId", "occurredAt"),
                refused.errors().stream().map(FieldError::field).toList());
        assertEquals("champ inconnu", refused.errors().get(0).message(Locale.FRENCH));
        assertEquals("l'une des valeurs HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT, UNSUBSCRIBE",
                refused.errors().get(1).message(Locale.FRENCH));
        assertEquals("at most 200 characters", refused.errors().get(6).message(Locale.ENGLISH));
    }

    @Test
    void aReportNeedsAKindAndSomethingThatFindsTheMessageAndNoFuture() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> GenericEvent.read("{\"occurredAt\":\"2026-12-04T12:06:00Z\"}", NOW));
        assertEquals(List.of("kind", "email", "occurredAt"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("indiquez l'e-mail, le messageId ou la r\u00e9f\u00e9rence du message", refused.errors().get(1).message(Locale.FRENCH));
        assertEquals("cannot be in the future", refused.errors().get(2).message(Locale.ENGLISH));
        GenericEvent.read("{\"kind\":\"UNSUBSCRIBE\",\"email\":\"a@b.fr\",\"occurredAt\":\"2026-12-04T12:04:00Z\"}", NOW);
    }

    @Test
    void aBodyThatIsNoObjectIsRefusedAsTheBody() {
        for (String body : new String[] {"", "[]", "\"x\"", "{not json"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> GenericEvent.read(body, NOW), body);
            assertEquals("body", refused.errors().get(0).field());
        }
    }
}
