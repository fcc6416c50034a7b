package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's reporting side on the shared application (configured to judge rates from 10 messages sent): a campaign
 * of 20 sent to GreenMail, complaints posted to the generic endpoint, the suppressions with their source and evidence,
 * the campaign's figures, its pause in English and in French, and the review (an ADMIN lifts a complaint; a MARKETER
 * cannot; nobody lifts an unsubscribe).
 *
 * <p>A one-off campaign of 20 is DONE within a second of starting, and only a SENDING campaign pauses itself (a done
 * one has nothing left to stop). A journey campaign stays SENDING for as long as it is active, so the test sends one:
 * its 20 contacts' events, posted once it is active, make their invitations due at once (delay 0), and the dispatcher's
 * journey check (every 2 s in the tests, once a minute by default) sends them.
 */
class DeliverabilityIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final int CONTACTS = 20;

    @Test
    void complaintsPostedToTheGenericEndpointSuppressCountAndPauseTheCampaignAndAnAdminLiftsOne() throws Exception {
        WebClient marketer = AudienceApi.marketer(base);
        WebClient admin = AudienceApi.withKey(base, "ADMIN");
        String run = Deployments.unique("deliv");
        String moment = "DELIVERED_" + run.substring(run.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT);
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= CONTACTS; i++) {
            emails.add(run + "-" + i + "@exemple.fr");
        }
        String listId = CampaignApi.listOf(marketer, run, emails);
        HttpResponse<String> created = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"kind\":\"JOURNEY\","
                + "\"surveyId\":" + CampaignApi.survey(marketer, run) + ",\"listId\":" + listId + ",\"triggerEvent\":\"" + moment
                + "\",\"triggerDelayDays\":0}");
        assertEquals(201, created.statusCode(), created.body());
        String campaign = AudienceApi.id(created);
        try {
            assertEquals(200, marketer.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
            waitFor(() -> "SENDING".equals(CampaignApi.status(marketer.get("api/campaigns/" + campaign).body())), Duration.ofSeconds(30),
                    "journey campaign active");
            Thread.sleep(1100); // events strictly after the moment it became active
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            // The journey check judges the events of (its last look, now - delay] once: events dated a few seconds ahead are
            // all posted before any check can pass them by, then judged together (the check runs every 2 s here).
            String momentAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS).toString();
            for (String email : emails) {
                HttpResponse<String> event = marketer.sendJson("POST", "api/events", "{\"email\":\"" + email + "\",\"type\":\""
                        + moment + "\",\"occurredAt\":\"" + momentAt + "\"}");
                assertEquals(201, event.statusCode(), event.body());
            }
            waitFor(() -> Mailbox.to(SMTP, run + "-").size() == CONTACTS
                    && CampaignApi.number(CampaignApi.progress(marketer, campaign), "sent") == CONTACTS, Duration.ofSeconds(120),
                    "the 20 invitations sent (the journey check runs every 2 s here)");
            assertEquals("SENDING", CampaignApi.status(marketer.get("api/campaigns/" + campaign).body()));

            // A complaint by address: recorded, the address suppressed, and 1 in 20 (5%) is past 0.3%: the campaign pauses.
            String first = "{\"kind\":\"COMPLAINT\",\"email\":\"" + run + "-1@exemple.fr\",\"status\":\"5.7.1\","
                    + "\"detail\":\"abuse report from the relay\",\"externalId\":\"" + run + "-c1\",\"occurredAt\":\"" + now + "\"}";
            HttpResponse<String> recorded = marketer.sendJson("POST", "api/deliverability/events", first);
            assertEquals(201, recorded.statusCode(), recorded.body());
            assertEquals("RECORDED", Json.string(Json.object(recorded), "result"));
            assertTrue(Json.bool(Json.object(recorded), "suppressed"), recorded.body());
            assertEquals(Long.parseLong(campaign), Json.number(Json.object(recorded), "campaignId"));
            String paused = CampaignApi.awaitStatus(marketer, campaign, "PAUSED", Duration.ofSeconds(5));
            assertEquals("PAUSED", CampaignApi.status(paused), paused);
            assertEquals("Paused: 1 complaint for 20 messages sent (5 %, above the 0.3 % limit); check the audience and the "
                    + "content, then resume.", Json.string(Json.object(paused), "pausedReason"));
            String french = marketer.withHeader("Accept-Language", "fr").sendJson("GET", "api/campaigns/" + campaign, "").body();
            marketer.withoutHeader("Accept-Language");
            assertEquals("En pause : 1 plainte pour 20 messages envoy\u00e9s (5 %, au-del\u00e0 de la limite de 0,3 %) ; "
                    + "v\u00e9rifiez l'audience et le contenu, puis reprenez.", Json.string(Json.object(french), "pausedReason"));

            // A second one, found by the Message-ID the invitation was sent with (an ADMIN's key may report too).
            MimeMessage toTwo = Mailbox.to(SMTP, run + "-2@").get(0);
            String byMessageId = "{\"kind\":\"complaint\",\"messageId\":\"" + toTwo.getMessageID() + "\",\"externalId\":\"" + run + "-c2\"}";
            HttpResponse<String> second = admin.sendJson("POST", "api/deliverability/events", byMessageId);
            assertEquals(201, second.statusCode(), second.body());

            // Replays change nothing; refused input stores nothing; an address of nobody is unmatched.
            HttpResponse<String> replay = marketer.sendJson("POST", "api/deliverability/events", first);
            assertEquals(200, replay.statusCode(), replay.body());
            assertEquals("DUPLICATE", Json.string(Json.object(replay), "result"));
            HttpResponse<String> bad = marketer.withHeader("Accept-Language", "fr").sendJson("POST", "api/deliverability/events",
                    "{\"kind\":\"SPAM\",\"email\":\"" + run + "-3@\",\"status\":\"oops\",\"occurredAt\":\"hier\","
                            + "\"externalId\":\"" + run + "-bad\"}");
            marketer.withoutHeader("Accept-Language");
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals(List.of("kind", "email", "status", "occurredAt"), Json.refusedFields(bad), bad.body());
            assertEquals("l'une des valeurs HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT, UNSUBSCRIBE", Json.refusal(bad, "kind"));
            assertEquals("une date et une heure avec leur d\u00e9calage sont attendues, par exemple 2026-12-04T10:15:00Z",
                    Json.refusal(bad, "occurredAt"));
            HttpResponse<String> unmatched = marketer.sendJson("POST", "api/deliverability/events",
                    "{\"kind\":\"HARD_BOUNCE\",\"email\":\"" + run + "-nobody@exemple.fr\"}");
            assertEquals(422, unmatched.statusCode(), unmatched.body());
            assertEquals("No invitation of ours matches this report", Json.string(Json.object(unmatched), "message"));

            // Roles: an executive may not report, nobody anonymous.
            assertEquals(403, AudienceApi.withKey(base, "EXECUTIVE").sendJson("POST", "api/deliverability/events", first).statusCode());
            assertEquals(401, new WebClient(base).sendJson("POST", "api/deliverability/events", first).statusCode());

            // The unsubscribe page (one-click, twice) counts once for the campaign.
            String token = Respondents.token(Mailbox.to(SMTP, run + "-3@").get(0));
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> oneClick = Respondents.post(base, "u/" + token, "List-Unsubscribe=One-Click", "en");
                assertTrue(oneClick.statusCode() < 400, oneClick.statusCode() + " " + oneClick.body());
            }

            JsonObject figures = Json.object(marketer.get("api/campaigns/" + campaign + "/deliverability"));
            assertEquals(List.of(20L, 20L, 0L, 0L, 2L, 1L), List.of(Json.number(figures, "sent"), Json.number(figures, "delivered"),
                    Json.number(figures, "hardBounces"), Json.number(figures, "softBounces"), Json.number(figures, "complaints"),
                    Json.number(figures, "unsubscribes")), figures.toString());
            assertEquals(0.1, Json.decimal(figures, "complaintRate").doubleValue(), 1e-9, figures.toString());
            assertEquals(0.05, Json.decimal(figures, "unsubscribeRate").doubleValue(), 1e-9, figures.toString());
            assertEquals(1.0, Json.decimal(figures, "deliveredRate").doubleValue(), 1e-9, figures.toString());
            assertEquals(404, marketer.get("api/campaigns/999999999/deliverability").statusCode());

            // The review: source and evidence; a MARKETER cannot lift a complaint, an ADMIN can; nobody lifts an unsubscribe.
            JsonObject complaint = only(admin, run + "-1@exemple.fr");
            assertEquals(List.of("COMPLAINED", "API", "Deliverability API"), List.of(Json.string(complaint, "reason"),
                    Json.string(complaint, "source"), Json.string(complaint, "sourceLabel")), complaint.toString());
            assertTrue(Json.bool(complaint, "hasEvidence") && Json.bool(complaint, "liftable"), complaint.toString());
            long complaintId = Json.number(complaint, "id");
            JsonObject detail = Json.object(admin.get("api/suppressions/" + complaintId));
            assertEquals(first, Json.string(detail, "evidence"), "the JSON received is the evidence");
            assertEquals("abuse report from the relay", Json.string(detail, "note"));
            assertFalse(Json.bool(only(marketer, run + "-1@exemple.fr"), "liftable"));
            HttpResponse<String> refused = marketer.sendJson("DELETE", "api/suppressions/" + complaintId, "");
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("Only an administrator can lift a bounce or a complaint", Json.refusal(refused, "reason"));
            assertEquals("UNSUBSCRIBED", contactStatus(marketer, run + "-1@exemple.fr"));
            assertEquals(204, admin.sendJson("DELETE", "api/suppressions/" + complaintId, "").statusCode());
            assertEquals("ACTIVE", contactStatus(marketer, run + "-1@exemple.fr"), "reachable again");
            assertEquals(0, Json.array(admin.get("api/suppressions?q=" + run + "-1@exemple.fr")).size());

            JsonObject unsubscribe = only(admin, run + "-3@exemple.fr");
            assertEquals(List.of("UNSUBSCRIBED", "PAGE"), List.of(Json.string(unsubscribe, "reason"), Json.string(unsubscribe, "source")));
            assertFalse(Json.bool(unsubscribe, "liftable"));
            HttpResponse<String> never = admin.sendJson("DELETE", "api/suppressions/" + Json.number(unsubscribe, "id"), "");
            assertEquals(400, never.statusCode(), never.body());
            assertEquals(1, Json.array(admin.get("api/suppressions?q=" + run + "-3@exemple.fr")).size());
            assertEquals(403, AudienceApi.withKey(base, "EXECUTIVE").get("api/suppressions").statusCode());
        } finally {
            CampaignApi.cancelUnlessDone(marketer, campaign);
        }
    }

    private static JsonObject only(WebClient client, String email) {
        HttpResponse<String> list = client.get("api/suppressions?q=" + email);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(1, Json.array(list).size(), list.body());
        return Json.array(list).getJsonObject(0);
    }

    private static String contactStatus(WebClient client, String email) {
        HttpResponse<String> page = client.get("api/contacts?q=" + email);
        assertEquals(200, page.statusCode(), page.body());
        return Json.string(Json.object(page), "rows.0.status");
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
