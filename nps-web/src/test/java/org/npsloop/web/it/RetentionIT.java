package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Data retention (docs/retention.md) on the shared application and database. Only this test's rows are aged, and by
 * 95 years, while the periods it sets are about 90 years: no other test's data is old enough to be touched. Every
 * period is set back to 0 (off) at the end.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class RetentionIT extends OnSharedApplication {

    private static final String AGED = "now() - interval '95 years'";
    private static final String POLICY = "{\"contactMonths\":1100,\"commentMonths\":1100,\"invitationDays\":33000,"
            + "\"outboxDays\":33000,\"webhookDays\":33000}";
    private static final List<String> RULES = List.of("contactMonths", "commentMonths", "invitationDays", "outboxDays", "webhookDays");

    @Test
    void aRunRemovesWhatTheDryRunAnnouncedEverywhereAndIsAudited() throws Exception {
        String run = Deployments.unique("retention");
        String suffix = run.substring(run.indexOf('-') + 1);
        WebClient marketer = AudienceApi.marketer(base);
        WebClient admin = AudienceApi.withKey(base, "ADMIN");

        // An inactive contact (neither surveyed nor updated for 95 years) and an active one (updated now).
        String oldEmail = run + "-old@exemple.fr";
        String oldLast = "Oublietta" + suffix;
        long old = contact(marketer, oldEmail, oldLast);
        Respondents.update("UPDATE contact SET created_at = " + AGED + ", updated_at = " + AGED + " WHERE id = ?", old);
        String activeEmail = run + "-active@exemple.fr";
        long active = contact(marketer, activeEmail, "Restante" + suffix);

        // A comment given 95 years ago by a third contact, and a recent one by the active contact.
        String survey = CampaignApi.survey(marketer, run);
        HttpResponse<String> journey = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"RET_" + suffix.toUpperCase(java.util.Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);
        String commenterEmail = run + "-said@exemple.fr";
        long commenter = contact(marketer, commenterEmail, "Parlante" + suffix);
        String word = "retentionword" + suffix;
        long oldAnswer = answer(marketer, commenterEmail, 3, "Too slow, " + word, campaign);
        Respondents.update("UPDATE response SET responded_at = " + AGED + " WHERE id = ?", oldAnswer);
        String recentWord = "recentword" + suffix;
        long recentAnswer = answer(marketer, activeEmail, 9, "Great, " + recentWord, campaign);

        // An invitation sent 95 years ago to the active contact, its link working, with an SMTP reply and a bounce report.
        String token = "Rt" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(run.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        Respondents.update("INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind, status, token_hash, due_at, "
                + "sent_at, attempts, last_error, created_at, version) VALUES (nextval('invitation_seq'), ?, ?, 1, 0, 'INITIAL', "
                + "'SENT', ?, now(), now(), 1, ?, now(), 0)", Long.parseLong(campaign), active, sha256(token),
                "250 2.0.0 Ok: queued as " + suffix + " <" + activeEmail + ">");
        long invitation = ((Number) Respondents.rows("SELECT id FROM invitation WHERE contact_id = ?", active).get(0).get("id")).longValue();
        Respondents.update("INSERT INTO delivery_event (id, invitation_id, campaign_id, email, kind, source, status_code, detail, "
                + "evidence, external_id, occurred_at, received_at) VALUES (nextval('delivery_event_seq'), ?, ?, ?, 'SOFT_BOUNCE', "
                + "'SMTP', '452', ?, ?, ?, now(), now())", invitation, Long.parseLong(campaign), activeEmail, "mailbox full " + activeEmail,
                "Final-Recipient: " + activeEmail, "msg-" + run);
        assertEquals(200, Respondents.get(base, "r/" + token + "?score=8", "en").statusCode(), "the link works before the run");
        Respondents.update("UPDATE invitation SET sent_at = " + AGED + ", created_at = " + AGED + ", due_at = " + AGED
                + " WHERE id = ?", invitation);

        // Development outbox mails and finished webhook deliveries, one old and one recent of each.
        for (String age : List.of("old", "new")) {
            String when = "old".equals(age) ? AGED : "now()";
            Respondents.update("INSERT INTO outbox_message (id, invitation_id, recipient, subject, text_body, created_at) "
                    + "VALUES (nextval('outbox_message_seq'), NULL, ?, ?, 'Hello', " + when + ")", run + "-" + age + "mail@exemple.fr", run);
            Respondents.update("INSERT INTO webhook_delivery (id, event_id, event_type, response_id, response_version, payload, status, "
                    + "attempts, next_attempt_at, created_at, delivered_at, version) VALUES (nextval('webhook_delivery_seq'), ?, "
                    + "'response.created', NULL, NULL, ?, 'DELIVERED', 1, now(), " + when + ", now(), 1)", run + "-" + age,
                    "{\"note\":\"" + run + "-" + age + "\"}");
        }

        try {
            HttpResponse<String> put = admin.sendJson("PUT", "api/admin/retention", POLICY);
            assertEquals(200, put.statusCode(), put.body());

            // The dry run announces at least this test's rows for every rule.
            JsonObject dryRun = Json.object(admin.get("api/admin/retention").body()).getJsonObject("dryRun");
            assertEquals(RULES, List.copyOf(dryRun.keySet()), dryRun.toString());
            for (String rule : RULES) {
                assertTrue(dryRun.getJsonObject(rule).getJsonNumber("count").longValue() >= 1, rule + ": " + dryRun);
            }

            HttpResponse<String> ran = admin.sendJson("POST", "api/admin/retention/run", "");
            assertEquals(200, ran.statusCode(), ran.body());
            JsonObject removed = Json.object(ran.body()).getJsonObject("removed");
            for (String rule : RULES) {
                // Only this test ages rows past 90 years: the run removed exactly what the dry run announced.
                assertEquals(dryRun.getJsonObject(rule).getJsonNumber("count").longValue(), removed.getJsonNumber(rule).longValue(),
                        rule + ": announced " + dryRun + ", removed " + removed);
            }

            // The inactive contact is erased everywhere; the active one stays.
            assertEquals(List.of(), Respondents.textColumnsHolding(List.of(oldEmail, oldLast.toLowerCase(java.util.Locale.ROOT))),
                    "table.column still holding the inactive contact");
            assertEquals("ERASED", status(old));
            assertEquals(activeEmail, Respondents.rows("SELECT email FROM contact WHERE id = ?", active).get(0).get("email"));
            org.junit.jupiter.api.Assertions.assertNotEquals("ERASED", status(commenter));

            // The old comment is gone from every table, its score and campaign kept; the recent one is untouched.
            assertEquals(List.of(), Respondents.textColumnsHolding(List.of(word)), "table.column still holding the old comment");
            Map<String, Object> anonymised = Respondents.rows("SELECT score, comment_text, contact_id, campaign_id, contact_consent "
                    + "FROM response WHERE id = ?", oldAnswer).get(0);
            assertEquals(3, ((Number) anonymised.get("score")).intValue());
            assertNull(anonymised.get("comment_text"));
            assertNull(anonymised.get("contact_id"));
            assertEquals(Long.parseLong(campaign), ((Number) anonymised.get("campaign_id")).longValue());
            assertEquals(Boolean.FALSE, anonymised.get("contact_consent"));
            assertTrue(String.valueOf(Respondents.rows("SELECT comment_text FROM response WHERE id = ?", recentAnswer).get(0)
                    .get("comment_text")).contains(recentWord));
            // Its score still counts in the report: the campaign's figures read the anonymous row.
            assertEquals(2L, ((Number) Respondents.rows("SELECT COUNT(*) AS n FROM response WHERE campaign_id = ?",
                    Long.parseLong(campaign)).get(0).get("n")).longValue());

            // The old invitation's link no longer works and its delivery data is gone; its status and times stay.
            HttpResponse<String> link = Respondents.get(base, "r/" + token + "?score=8", "en");
            assertEquals(404, link.statusCode());
            assertTrue(link.body().contains("This link does not work"), link.body());
            Map<String, Object> purged = Respondents.rows("SELECT status, last_error, sent_at FROM invitation WHERE id = ?", invitation).get(0);
            assertEquals("SENT", purged.get("status"));
            assertNull(purged.get("last_error"));
            assertTrue(purged.get("sent_at") != null);
            Map<String, Object> bounce = Respondents.rows("SELECT kind, email, detail, evidence, external_id FROM delivery_event "
                    + "WHERE invitation_id = ?", invitation).get(0);
            assertEquals("SOFT_BOUNCE", bounce.get("kind"));
            assertEquals(java.util.Arrays.asList(null, null, null, null), java.util.Arrays.asList(bounce.get("email"), bounce.get("detail"),
                    bounce.get("evidence"), bounce.get("external_id")));

            // Old outbox mails and webhook payloads gone, recent ones kept.
            assertEquals(List.of(run + "-newmail@exemple.fr"), Respondents.rows("SELECT recipient FROM outbox_message WHERE subject = ?", run)
                    .stream().map(r -> r.get("recipient")).toList());
            assertEquals(List.of(run + "-new"), Respondents.rows("SELECT event_id FROM webhook_delivery WHERE event_id LIKE ?", run + "-%")
                    .stream().map(r -> r.get("event_id")).toList());

            // The run is an audit event with the counts, naming no one.
            JsonObject event = Json.object(admin.get("api/audit?entity=Retention&max=1").body()).getJsonArray("events").getJsonObject(0);
            assertEquals("RUN", Json.string(event, "action"));
            assertTrue(Json.string(event, "actor").startsWith("api-key:"), event.toString());
            assertTrue(Json.string(event, "summary").contains("contactMonths 1100: " + removed.getJsonNumber("contactMonths") + " removed"),
                    event.toString());
            assertFalse(event.toString().contains(run), event.toString());

            // Nothing is left to remove for this test's rows: a second run finds nothing more of them.
            assertEquals(200, admin.sendJson("POST", "api/admin/retention/run", "").statusCode());
            assertEquals(1, Respondents.rows("SELECT id FROM outbox_message WHERE subject = ?", run).size());
        } finally {
            assertEquals(200, admin.sendJson("PUT", "api/admin/retention", "{}").statusCode());
            CampaignApi.cancelUnlessDone(marketer, campaign);
        }
    }

    @Test
    void onlyAnAdministratorChangesOrRunsItAndABadPeriodIsNamedInTheCallersLanguage() {
        WebClient marketer = AudienceApi.marketer(base);
        assertEquals(403, marketer.get("api/admin/retention").statusCode());
        assertEquals(403, marketer.sendJson("PUT", "api/admin/retention", "{}").statusCode());
        assertEquals(403, marketer.sendJson("POST", "api/admin/retention/run", "").statusCode());

        WebClient admin = AudienceApi.withKey(base, "ADMIN").withHeader("Accept-Language", "fr");
        HttpResponse<String> bad = admin.sendJson("PUT", "api/admin/retention", "{\"contactMonths\":-1,\"outboxDays\":7}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonObject error = Json.object(bad).getJsonArray("errors").getJsonObject(0);
        assertEquals("contactMonths", Json.string(error, "field"), bad.body());
        assertTrue(bad.body().contains("De 1 \u00e0 1200 mois, ou 0 pour tout garder (pas -1)"), bad.body());
        assertEquals(0, Json.object(admin.get("api/admin/retention").body()).getJsonObject("policy").getInt("outboxDays"),
                "nothing saved");
    }

    /** Two runs at once (two requests, so two threads of the service): one runs, the other is told so; neither fails. */
    @Test
    void twoRunsAtOnceDoNotBothRun() throws Exception {
        // Two keys: two requests at once with one new key collide on its last-used time (ApiKeyService, a 500).
        WebClient first = AudienceApi.withKey(base, "ADMIN");
        WebClient second = AudienceApi.withKey(base, "ADMIN");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(() -> first.sendJson("POST", "api/admin/retention/run", "").statusCode(),
                    () -> second.sendJson("POST", "api/admin/retention/run", "").statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : two.invokeAll(runs)) {
                statuses.add(status.get());
            }
            assertTrue(statuses.contains(200), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        } finally {
            two.shutdown();
        }
    }

    private static long contact(WebClient marketer, String email, String lastName) {
        HttpResponse<String> created = marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ret\","
                + "\"lastName\":\"" + lastName + "\",\"language\":\"EN\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Long.parseLong(AudienceApi.id(created));
    }

    private static long answer(WebClient marketer, String email, int score, String comment, String campaign) {
        HttpResponse<String> response = marketer.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + ",\"comment\":\"" + comment + "\",\"contactConsent\":true,\"channel\":\"PHONE\",\"respondedAt\":\""
                + java.time.Instant.now().minusSeconds(60) + "\",\"campaignId\":" + campaign + "}");
        assertEquals(201, response.statusCode(), response.body());
        return Long.parseLong(AudienceApi.id(response));
    }

    private static String status(long contact) {
        return (String) Respondents.rows("SELECT status FROM contact WHERE id = ?", contact).get(0).get("status");
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
