package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The customer-facing synthesis through the API on PostgreSQL: answers with and without consent from
 * contacts with distinctive names, a publication scoped to this run's campaign, its public page read
 * without login (figures and chosen consented quotes; no email, name or other comment), the snapshot
 * kept until the next publish, an erased author's quote gone at once, revoke (410), history, roles.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class PublicationIT extends OnSharedApplication {




    @Test
    void anExecutivePublishesASynthesisThatShowsNoPersonalData() {
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("pub");
        String suffix = run.substring(run.indexOf('-') + 1);
        String[] emails = {run + "-ana@exemple.fr", run + "-bob@exemple.fr", run + "-cyd@exemple.fr"};
        String[] lastNames = {"Quaglio" + suffix, "Wexford" + suffix, "Zyskowski" + suffix};
        String[] contactIds = new String[3];
        for (int i = 0; i < 3; i++) {
            contactIds[i] = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + emails[i]
                    + "\",\"firstName\":\"Prenom" + i + suffix + "\",\"lastName\":\"" + lastNames[i] + "\",\"language\":\"EN\"}"));
        }
        String survey = CampaignApi.survey(marketer, run);
        String moment = "PUB_" + suffix.toUpperCase(Locale.ROOT);
        HttpResponse<String> journey = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"" + moment + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);

        String fast = "Fast delivery, thank you " + suffix;
        String kind = "Kind people on the phone " + suffix;
        String secret = "Not for publication " + suffix;
        String average = "Average at best " + suffix;
        // Week of 2 March 2026: five answers; 20 March: one (its week is hidden on the page).
        String r1 = answer(marketer, emails[0], 10, fast, true, "2026-03-02T09:00:00Z", campaign);
        String r2 = answer(marketer, emails[1], 9, kind, true, "2026-03-03T09:00:00Z", campaign);
        String r3 = answer(marketer, emails[2], 3, secret, false, "2026-03-04T09:00:00Z", campaign);
        answer(marketer, emails[0], 7, null, true, "2026-03-05T09:00:00Z", campaign);
        answer(marketer, emails[2], 9, average, true, "2026-03-06T09:00:00Z", campaign);
        answer(marketer, emails[0], 2, "Too expensive " + suffix, true, "2026-03-20T09:00:00Z", campaign);

        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient executive = keyFor(admin, "EXECUTIVE");
        String draft = "{\"title\":\"March " + suffix + "\",\"language\":\"EN\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\","
                + "\"campaignId\":" + campaign + ",\"granularity\":\"WEEK\",\"whatYouToldUs\":\"Delivery is slow.\","
                + "\"whatWeAreDoing\":\"A second carrier from April.\",\"quoteIds\":%s}";

        // A comment whose author did not consent cannot be chosen; nor an unknown response.
        HttpResponse<String> refused = executive.sendJson("POST", "api/publications", String.format(draft, "[" + r1 + "," + r3 + "]"));
        assertEquals(400, refused.statusCode(), refused.body());
        String whyNot = Json.refusal(refused, "quoteIds");
        assertTrue(whyNot.contains("Response " + r3) && whyNot.contains("did not consent"), refused.body());
        HttpResponse<String> bad = executive.sendJson("POST", "api/publications", "{\"language\":\"EN\",\"from\":\"2026-03-31\","
                + "\"to\":\"2026-03-01\",\"quoteIds\":[]}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Json.refusedFields(bad).containsAll(List.of("title", "to")), bad.body());

        // The candidates to quote are the consented comments of the scope only.
        String candidates = executive.get("api/publications/quote-candidates?from=2026-03-01&to=2026-03-31&campaign=" + campaign).body();
        List<String> quotable = Json.texts(Json.array(candidates), "", "comment");
        assertTrue(quotable.contains(fast) && quotable.contains(average), candidates);
        assertTrue(Json.texts(Json.array(candidates), "", "responseId").contains(r1), candidates);
        assertFalse(candidates.contains(secret), candidates);

        HttpResponse<String> created = executive.sendJson("POST", "api/publications", String.format(draft, "[" + r1 + "," + r2 + "]"));
        assertEquals(201, created.statusCode(), created.body());
        String id = AudienceApi.id(created);
        String slug = Json.string(Json.object(created), "slug");
        assertTrue(slug.matches("march-[a-z0-9]+-[A-Za-z0-9_-]{22}"), slug);
        WebClient visitor = new WebClient(base);
        assertEquals(404, visitor.get("p/" + slug).statusCode(), "a draft is not public");

        HttpResponse<String> published = executive.sendJson("POST", "api/publications/" + id + "/publish", "");
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("PUBLISHED", Json.string(Json.object(published), "status"), published.body());

        // Logged out: 3 promoters, 1 passive, 2 detractors of 6 = +17, margin 1.96*sqrt(0.80556/6)*100 = 72.
        HttpResponse<String> page = visitor.get("p/" + slug);
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<span class=\"nps\" id=\"nps\">+17</span>"), html);
        assertTrue(html.contains("±72 points"), html);
        assertTrue(html.contains("Based on 6 answers."), html);
        assertTrue(html.contains("Fewer than 5 answers"), "the week with one answer is hidden");
        assertTrue(html.contains("<p>Delivery is slow.</p>") && html.contains("<p>A second carrier from April.</p>"));
        assertTrue(html.contains(fast) && html.contains(kind), "the chosen consented quotes");
        assertFalse(html.contains(secret), "no comment without consent");
        assertFalse(html.contains(average), "no comment that was not chosen");
        for (int i = 0; i < 3; i++) {
            assertFalse(html.contains(emails[i]) || html.contains(lastNames[i]) || html.contains("Prenom" + i + suffix), "no personal data");
        }
        assertFalse(Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+").matcher(html).find(), "no email address at all");
        assertFalse(html.contains("<script"), "no script");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        String index = visitor.get("p/").body();
        assertTrue(index.contains("<a href=\"" + slug + "\" hreflang=\"en\" lang=\"en\">March " + suffix + "</a>"), index);
        assertEquals(301, visitor.get("p").statusCode());

        // A later answer in scope does not change the published page until the next publish.
        answer(marketer, emails[1], 0, "Never again " + suffix, true, "2026-03-21T09:00:00Z", campaign);
        assertTrue(visitor.get("p/" + slug).body().contains("id=\"nps\">+17<"), "the published snapshot stays");
        String preview = executive.get("api/publications/" + id + "/preview").body();
        assertEquals(3, Json.number(Json.object(preview), "nps.detractors"), "the preview is live: " + preview);
        HttpResponse<String> updated = executive.sendJson("PUT", "api/publications/" + id,
                String.format(draft, "[" + r1 + "," + r2 + "]").replace("Delivery is slow.", "Delivery is slow; prices too."));
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(visitor.get("p/" + slug).body().contains("<p>Delivery is slow.</p>"), "a saved draft is not published");
        assertEquals(200, executive.sendJson("POST", "api/publications/" + id + "/publish", "").statusCode());
        String republished = visitor.get("p/" + slug).body();
        assertTrue(republished.contains("id=\"nps\">0<") && republished.contains("Based on 7 answers."), republished);
        assertTrue(republished.contains("Delivery is slow; prices too."));

        // The author of a quote is erased: their words leave the public page at once.
        assertEquals(204, marketer.sendJson("DELETE", "api/contacts/" + contactIds[1], "").statusCode());
        String afterErasure = visitor.get("p/" + slug).body();
        assertFalse(afterErasure.contains(kind), "the erased author's quote is gone");
        assertTrue(afterErasure.contains(fast));

        // Revoked: 410 with a page saying so; the history has every step, newest first.
        assertEquals(200, executive.sendJson("POST", "api/publications/" + id + "/revoke", "").statusCode());
        HttpResponse<String> gone = visitor.get("p/" + slug);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("This publication was withdrawn"), gone.body());
        assertFalse(visitor.get("p/").body().contains(slug), "no longer listed");
        HttpResponse<String> again = executive.sendJson("POST", "api/publications/" + id + "/revoke", "");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(409, executive.sendJson("DELETE", "api/publications/" + id, "").statusCode(), "published once: kept");
        String versions = executive.get("api/publications/" + id + "/versions").body();
        assertEquals(List.of("REVOKED", "UPDATED", "PUBLISHED"), Json.texts(Json.array(versions), "", "action"), versions);
        assertTrue(Json.texts(Json.array(versions), "", "actor").stream().allMatch(actor -> actor.startsWith("api-key:")), versions);

        assertEquals(404, visitor.get("p/unknown-AAAAAAAAAAAAAAAAAAAAAA").statusCode());
        assertEquals(404, visitor.get("p/" + slug + "/x").statusCode());
    }

    @Test
    void theChosenTouchpointRatingsArePublishedFromThirtyRatingsOnly() throws Exception {
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("pubtp");
        String contact = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"language\":\"FR\"}"));
        String survey = CampaignApi.survey(marketer, run);
        String list = AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String campaign = AudienceApi.id(marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + survey + ",\"listId\":" + list + "}"));
        long[] responses = new long[30];
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> entered = marketer.sendJson("POST", "api/responses", "{\"contactId\":" + contact + ",\"score\":9,"
                    + "\"channel\":\"PHONE\",\"respondedAt\":\"2026-04-" + String.format("%02d", i / 2 + 1) + "T10:00:00Z\","
                    + "\"campaignId\":" + campaign + "}");
            assertEquals(201, entered.statusCode(), entered.body());
            responses[i] = Long.parseLong(AudienceApi.id(entered));
        }
        // Delivery (1-5) rated by all 30: ten 3s, ten 4s, ten 5s -> mean 4, interval 4 -/+ 2.045230 * sqrt(20/29) / sqrt(30)
        // = 3.69 to 4.31. Phone (0-10) rated by 29 only: not published.
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""))) {
            long delivery = DrillDownApiIT.question(db, survey, 1, "TOUCHPOINT_RATING", "ONE_TO_FIVE", 4L);
            long phone = DrillDownApiIT.question(db, survey, 2, "TOUCHPOINT_RATING", "ZERO_TO_TEN", 2L);
            for (int i = 0; i < 30; i++) {
                DrillDownApiIT.answer(db, responses[i], delivery, 3 + i % 3);
                if (i > 0) {
                    DrillDownApiIT.answer(db, responses[i], phone, 8);
                }
            }
        }

        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient executive = keyFor(admin, "EXECUTIVE");
        String draft = "{\"title\":\"Avril " + run + "\",\"language\":\"FR\",\"from\":\"2026-04-01\",\"to\":\"2026-04-30\","
                + "\"campaignId\":" + campaign + ",\"granularity\":\"MONTH\",\"quoteIds\":[],\"touchpoints\":%s}";
        HttpResponse<String> created = executive.sendJson("POST", "api/publications", String.format(draft, "false"));
        assertEquals(201, created.statusCode(), created.body());
        String id = AudienceApi.id(created);
        assertFalse(Json.bool(Json.object(created), "touchpoints"), created.body());
        HttpResponse<String> chosen = executive.sendJson("PUT", "api/publications/" + id, String.format(draft, "true"));
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertTrue(Json.bool(Json.object(executive.get("api/publications/" + id).body()), "touchpoints"), "the choice is kept");
        HttpResponse<String> published = executive.sendJson("POST", "api/publications/" + id + "/publish", "");
        assertEquals(200, published.statusCode(), published.body());

        String html = new WebClient(base).get("p/" + Json.string(Json.object(published), "slug")).body();
        assertTrue(html.contains("<tr><th scope=\"row\">Livraison</th><td class=\"num\">4,0 sur 5</td>"
                + "<td class=\"num\">3,7 \u00e0 4,3</td><td class=\"num\">30</td></tr>"), html);
        assertFalse(html.contains("\u00c9changes par t\u00e9l\u00e9phone") || html.contains("8,0 sur 10"), "29 ratings: not published");
    }

    @Test
    void onlyExecutivesManagePublications() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        assertEquals(403, keyFor(admin, "MARKETER").get("api/publications").statusCode());
        assertEquals(403, keyFor(admin, "ADMIN").get("api/publications").statusCode());
        assertEquals(401, new WebClient(base).get("api/publications").statusCode());
        assertEquals(200, keyFor(admin, "EXECUTIVE").get("api/publications").statusCode());
        assertEquals(403, admin.get("publications/index.xhtml").statusCode());
        assertEquals(403, admin.get("publications/preview?id=1").statusCode());
        assertEquals(404, keyFor(admin, "EXECUTIVE").get("api/publications/987654321").statusCode());
    }

    private static String answer(WebClient api, String email, int score, String comment, boolean consent, String at,
            String campaign) {
        HttpResponse<String> response = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + ",\"contactConsent\":" + consent
                + ",\"channel\":\"PHONE\",\"respondedAt\":\"" + at + "\",\"campaignId\":" + campaign + "}");
        assertEquals(201, response.statusCode(), response.body());
        return AudienceApi.id(response);
    }

    private WebClient keyFor(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique(role.toLowerCase(Locale.ROOT)) + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return new WebClient(base).withHeader("Authorization", "Bearer " + Json.string(Json.object(issued), "secret"));
    }
}
