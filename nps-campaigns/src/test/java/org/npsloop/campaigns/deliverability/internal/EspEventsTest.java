package org.npsloop.campaigns.deliverability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;

/** The providers' documented sample payloads (src/test/resources/esp) and what each becomes. */
class EspEventsTest {

    private static final MailReference REF = MailReference.ofTokenHash("0123456789abcdef".repeat(4));

    static String sample(String name) throws Exception {
        try (InputStream in = EspEventsTest.class.getResourceAsStream("/esp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void sesPermanentBounceIsHardForEachRecipientWithItsStatus() throws Exception {
        EspEvents.Mapped mapped = EspEvents.ses(json(sample("ses-bounce.json")).asJsonObject(), "sns-1");
        assertEquals(2, mapped.reports().size());
        Report jane = mapped.reports().get(0);
        assertEquals(DeliveryEventKind.HARD_BOUNCE, jane.kind());
        assertEquals(DeliverySource.SES, jane.source());
        assertEquals("jane@example.com", jane.trace().email());
        assertEquals("custom-message-ID", jane.trace().messageId());
        assertEquals("5.1.1", jane.statusCode());
        assertEquals("smtp; 550 5.1.1 user unknown", jane.detail());
        assertEquals("sns-1/jane@example.com", jane.externalId(), "two recipients of one notification are two reports");
        assertEquals(Instant.parse("2016-01-27T14:59:38.237Z"), jane.occurredAt());
        assertTrue(jane.evidence().contains("bouncedRecipients"));
    }

    @Test
    void sesTransientBounceIsSoftAndOurMessageIdOrReturnPathTracesIt() throws Exception {
        String ourId = REF.messageId("acme.example");
        String text = sample("ses-bounce.json").replace("Permanent", "Transient").replace("custom-message-ID", "<" + ourId + ">");
        Report report = EspEvents.ses(json(text).asJsonObject(), "sns-2").reports().get(0);
        assertEquals(DeliveryEventKind.SOFT_BOUNCE, report.kind());
        assertEquals("<" + ourId + ">", report.trace().messageId());
        assertNull(report.trace().reference(), "the Message-ID's reference comes first");

        // SES replaced the Message-ID: the VERP return path still leads to the invitation.
        String verp = sample("ses-bounce.json").replace("\"source\": \"john@example.com\"",
                "\"source\": \"" + REF.returnPath("bounces@bounce.acme.example") + "\"");
        assertEquals(REF, EspEvents.ses(json(verp).asJsonObject(), "sns-3").reports().get(0).trace().reference());
    }

    @Test
    void sesComplaintIsAComplaintAndDeliveryIsIgnored() throws Exception {
        EspEvents.Mapped complaint = EspEvents.ses(json(sample("ses-complaint.json")).asJsonObject(), "sns-4");
        assertEquals(1, complaint.reports().size());
        assertEquals(DeliveryEventKind.COMPLAINT, complaint.reports().get(0).kind());
        assertEquals("richard@example.com", complaint.reports().get(0).trace().email());
        assertEquals("sns-4", complaint.reports().get(0).externalId());

        EspEvents.Mapped delivery = EspEvents.ses(json(sample("ses-delivery.json")).asJsonObject(), "sns-5");
        assertEquals(List.of(), delivery.reports());
        assertEquals(1, delivery.ignored());

        // Configuration set event publishing says eventType instead of notificationType.
        String published = sample("ses-complaint.json").replace("notificationType", "eventType");
        assertEquals(DeliveryEventKind.COMPLAINT, EspEvents.ses(json(published).asJsonObject(), "sns-6").reports().get(0).kind());
    }

    @Test
    void sendGridEventsMapByKindAndKeepTheirIds() throws Exception {
        EspEvents.Mapped mapped = EspEvents.sendGrid(json(sample("sendgrid-events.json")));
        List<DeliveryEventKind> kinds = mapped.reports().stream().map(Report::kind).toList();
        assertEquals(List.of(DeliveryEventKind.HARD_BOUNCE, DeliveryEventKind.SOFT_BOUNCE, DeliveryEventKind.HARD_BOUNCE,
                DeliveryEventKind.COMPLAINT, DeliveryEventKind.UNSUBSCRIBE, DeliveryEventKind.UNSUBSCRIBE), kinds);
        assertEquals(5, mapped.ignored(), "processed, deferred, delivered, dropped (unsubscribed), open");
        Report bounce = mapped.reports().get(0);
        assertEquals("6g4ZI7SA-xmRDv57GoPIPw==", bounce.externalId());
        assertEquals("<14c5d75ce93.dfd.64b469@ismtpd-555>", bounce.trace().messageId());
        assertEquals("example@test.com", bounce.trace().email());
        assertEquals("5.0.0", bounce.statusCode());
        assertEquals("500 unknown recipient", bounce.detail());
        assertEquals(Instant.ofEpochSecond(1513299569), bounce.occurredAt());
        assertTrue(mapped.reports().stream().allMatch(r -> r.source() == DeliverySource.SENDGRID));
    }

    @Test
    void mailgunFailuresBySeverityComplaintsAndTheTokenAsId() throws Exception {
        JsonObject failed = json(sample("mailgun-failed.json")).asJsonObject();
        Report hard = EspEvents.mailgun(failed.getJsonObject("event-data"), "tok-1").reports().get(0);
        assertEquals(DeliveryEventKind.HARD_BOUNCE, hard.kind());
        assertEquals("605", hard.statusCode());
        assertEquals("Not delivering to previously bounced address", hard.detail());
        assertEquals("20130503182626.18666.16540@sandbox.mailgun.org", hard.trace().messageId());
        assertEquals("alice@example.com", hard.trace().email());
        assertEquals("tok-1", hard.externalId());

        Report soft = EspEvents.mailgun(json(sample("mailgun-temporary.json")).asJsonObject().getJsonObject("event-data"), "t")
                .reports().get(0);
        assertEquals(DeliveryEventKind.SOFT_BOUNCE, soft.kind());
        assertEquals("452", soft.statusCode());
        assertTrue(soft.detail().contains("over quota"));

        Report complaint = EspEvents.mailgun(json(sample("mailgun-complained.json")).asJsonObject()
                .getJsonObject("event-data"), "t").reports().get(0);
        assertEquals(DeliveryEventKind.COMPLAINT, complaint.kind());

        JsonObject unsubscribed = Json.createObjectBuilder().add("event", "unsubscribed").add("recipient", "a@example.com").build();
        assertEquals(DeliveryEventKind.UNSUBSCRIBE, EspEvents.mailgun(unsubscribed, "t").reports().get(0).kind());
        JsonObject delivered = Json.createObjectBuilder().add("event", "delivered").add("recipient", "a@example.com").build();
        assertEquals(1, EspEvents.mailgun(delivered, "t").ignored());
    }

    @Test
    void postmarkBounceTypesComplaintsAndSubscriptionChanges() throws Exception {
        Report hard = EspEvents.postmark(json(sample("postmark-bounce.json")).asJsonObject()).reports().get(0);
        assertEquals(DeliveryEventKind.HARD_BOUNCE, hard.kind());
        assertEquals("Bounce:4323372036854775807", hard.externalId());
        assertEquals("john@example.com", hard.trace().email());
        assertNull(hard.trace().messageId(), "Postmark's MessageID is its own");

        Report soft = EspEvents.postmark(json(sample("postmark-softbounce.json").replace("REF", REF.value())).asJsonObject())
                .reports().get(0);
        assertEquals(DeliveryEventKind.SOFT_BOUNCE, soft.kind());
        assertEquals(REF, soft.trace().reference(), "our reference in the message's metadata");

        Report complaint = EspEvents.postmark(json(sample("postmark-spamcomplaint.json")).asJsonObject()).reports().get(0);
        assertEquals(DeliveryEventKind.COMPLAINT, complaint.kind());
        assertEquals("SpamComplaint:42", complaint.externalId());

        Report change = EspEvents.postmark(json(sample("postmark-subscriptionchange.json")).asJsonObject()).reports().get(0);
        assertEquals(DeliveryEventKind.UNSUBSCRIBE, change.kind());
        assertEquals("bounced-address@wildbit.com", change.trace().email());
        assertEquals("SubscriptionChange:883953f4-6105-42a2-a16a-77a8eac79483:2020-02-01T10:53:34.416071Z", change.externalId());

        String reactivated = sample("postmark-subscriptionchange.json").replace("\"SuppressSending\": true", "\"SuppressSending\": false");
        assertEquals(1, EspEvents.postmark(json(reactivated).asJsonObject()).ignored());
        String autoResponder = sample("postmark-bounce.json").replace("\"HardBounce\"", "\"AutoResponder\"");
        assertEquals(1, EspEvents.postmark(json(autoResponder).asJsonObject()).ignored());
    }
}
