package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Comments and themes on PostgreSQL through the API: answers entered by phone get their themes from the
 * keyword rules in the background, counts by category are exact under a report filter, a manual tag and a
 * removal outlive a rule change and its full re-match, the comment list filters by theme and category, bad
 * parameters answer 400, and an executive sees both pages. The run's campaign scopes every figure, so
 * earlier runs on the same database change nothing.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class ThemesIT extends OnSharedApplication {

    private static final long PRICE = 1;
    private static final long DELIVERY = 2;
    private static final long SUPPORT = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(90);



    @Test
    void themesAreCountedByCategoryAndPeopleCanCorrectThem() throws Exception {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient api = AudienceApi.signedInUser(admin, base, "EXECUTIVE");
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("themes");
        String suffix = run.substring(run.indexOf('-') + 1).replaceAll("[^a-z0-9]", "");
        String word = "zorglub" + suffix;

        // Refused drafts name their fields; a good one is created by an executive.
        HttpResponse<String> refused = api.sendJson("POST", "api/themes", "{\"labelEn\":\" \",\"labelFr\":\"Prix\","
                + "\"keywordsEn\":[\"x\",\"X\"],\"keywordsFr\":[\"\"]}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Json.refusedFields(refused).containsAll(List.of("labelEn", "labelFr", "keywordsEn", "keywordsFr")), refused.body());
        HttpResponse<String> created = api.sendJson("POST", "api/themes", "{\"labelEn\":\"Zorglub " + suffix + "\",\"labelFr\":"
                + "\"Zorglub FR " + suffix + "\",\"keywordsEn\":[\"" + word + "\"],\"keywordsFr\":[]}");
        assertEquals(201, created.statusCode(), created.body());
        long custom = Json.number(Json.object(created), "id");

        // A campaign of this run and its answers, typed by a marketer.
        String survey = CampaignApi.survey(marketer, run);
        HttpResponse<String> campaignCreated = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + survey + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"THEMES_" + suffix.toUpperCase(Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, campaignCreated.statusCode(), campaignCreated.body());
        String campaign = AudienceApi.id(campaignCreated);
        String email = run + "@exemple.fr";
        assertEquals(201, marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"language\":\"FR\"}").statusCode());
        long r1 = answer(marketer, email, campaign, 2, "Livraison en retard, " + word.toUpperCase(Locale.ROOT) + " !", "2026-03-02T10:00:00Z");
        long r2 = answer(marketer, email, campaign, 5, "Beaucoup trop cher", "2026-03-03T10:00:00Z");
        long r3 = answer(marketer, email, campaign, 8, "Prix correct, délais de livraison corrects", "2026-03-04T10:00:00Z");
        long r4 = answer(marketer, email, campaign, 10, "Great support team", "2026-03-05T10:00:00Z");
        answer(marketer, email, campaign, 9, null, "2026-03-06T10:00:00Z");
        long r6 = answer(marketer, email, campaign, 3, "Delivery was late", "2026-03-20T10:00:00Z");

        // The background matching assigns them: promoters/passives/detractors per theme.
        String scope = "api/reports/themes?campaign=" + campaign;
        Map<Long, String> expected = Map.of(DELIVERY, "0/1/2", PRICE, "0/1/1", SUPPORT, "1/0/0", custom, "0/0/1");
        assertEquals(expected, awaitCounts(api, scope, expected));
        String json = api.get(scope).body();
        JsonObject report = Json.object(json);
        assertEquals(List.of(1L, 1L, 3L, 5L), List.of(Json.number(report, "commentedPromoters"), Json.number(report, "commentedPassives"),
                Json.number(report, "commentedDetractors"), Json.number(report, "commented")), json);
        List<String> order = Json.texts(report, "themes", "themeId");
        assertTrue(order.indexOf(String.valueOf(DELIVERY)) >= 0 && order.indexOf(String.valueOf(DELIVERY)) < order.indexOf(String.valueOf(PRICE)),
                "most mentioned first: " + json);
        // The same report filter as the dashboard: a period (days included, report time zone).
        assertEquals(Map.of(DELIVERY, "0/1/1", PRICE, "0/1/1", SUPPORT, "1/0/0", custom, "0/0/1"),
                counts(api.get(scope + "&from=2026-03-01&to=2026-03-19").body()));
        assertEquals(Map.of(DELIVERY, "0/0/1"), counts(api.get(scope + "&from=2026-03-20&to=2026-03-20").body()));

        // People correct the rules: the custom theme put on r4 by hand, delivery taken off r1.
        assertEquals(204, api.sendJson("POST", "api/responses/" + r4 + "/themes/" + custom, "").statusCode());
        assertEquals(204, api.sendJson("DELETE", "api/responses/" + r1 + "/themes/" + DELIVERY, "").statusCode());
        assertEquals(404, api.sendJson("POST", "api/responses/" + r4 + "/themes/999999999", "").statusCode());
        assertEquals(Map.of(DELIVERY, "0/1/1", PRICE, "0/1/1", SUPPORT, "1/0/0", custom, "1/0/1"), counts(api.get(scope).body()));

        // A rule change re-matches every response; the person's choices hold.
        HttpResponse<String> updated = api.sendJson("PUT", "api/themes/" + custom, "{\"labelEn\":\"Zorglub " + suffix + "\","
                + "\"labelFr\":\"Zorglub FR " + suffix + "\",\"keywordsEn\":[\"" + word + "\"],\"keywordsFr\":[\"\\\"cher\\\"\"]}");
        assertEquals(200, updated.statusCode(), updated.body());
        Map<Long, String> afterChange = Map.of(DELIVERY, "0/1/1", PRICE, "0/1/1", SUPPORT, "1/0/0", custom, "1/0/2");
        assertEquals(afterChange, awaitCounts(api, scope, afterChange));
        awaitMatchingDone(api);
        assertEquals(afterChange, counts(api.get(scope).body()), "after the whole re-match");

        // Comments: newest first, by category and theme, each with its themes (manual ones marked).
        assertEquals(List.of(r2, r1), ids(api.get("api/comments?campaign=" + campaign + "&category=detractor&theme=" + custom).body()));
        assertEquals(List.of(r6, r3), ids(api.get("api/comments?campaign=" + campaign + "&theme=" + DELIVERY).body()));
        assertEquals(List.of(r3), ids(api.get("api/comments?campaign=" + campaign + "&q=D%C3%89LAIS").body()));
        String r4json = api.get("api/comments?campaign=" + campaign + "&category=PROMOTER").body();
        JsonObject promoters = Json.object(r4json);
        assertEquals(1, Json.number(promoters, "total"), r4json);
        assertEquals(r4, Json.number(promoters, "comments.0.responseId"), r4json);
        assertTrue(Json.bool(Json.only(promoters, "comments.0.themes", "themeId", String.valueOf(custom)), "manual"), "put by hand: " + r4json);
        assertFalse(Json.bool(Json.only(promoters, "comments.0.themes", "themeId", String.valueOf(SUPPORT)), "manual"), "by the rules: " + r4json);
        assertFalse(r4json.contains(email), r4json);

        // Malformed parameters are named.
        HttpResponse<String> badDate = api.get("api/reports/themes?from=2026-13-01&campaign=abc");
        assertEquals(400, badDate.statusCode());
        assertEquals(List.of("campaign", "from"), Json.refusedFields(badDate).stream().sorted().toList(), badDate.body());
        assertEquals(400, api.get("api/comments?category=happy").statusCode());
        assertEquals(400, api.get("api/reports/themes?from=2026-03-10&to=2026-03-01").statusCode());
        // Roles: an administrator alone is neither marketer nor executive.
        assertEquals(403, admin.get("api/themes").statusCode());
        assertEquals(200, marketer.get("api/themes").statusCode());

        // The pages render for an executive.
        HttpResponse<String> page = api.get("reports/comments.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"chart\"") || page.body().contains("chart"), "the chart");
        assertTrue(page.body().contains("Zorglub " + suffix), "the theme in the table");
        HttpResponse<String> editor = api.get("reports/themes.xhtml");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains(word), editor.body());

        assertEquals(204, api.sendJson("DELETE", "api/themes/" + custom, "").statusCode());
        assertEquals(404, api.get("api/themes/" + custom).statusCode());
        assertTrue(!counts(api.get(scope).body()).containsKey(custom), "its assignments went with it");
    }

    private static long answer(WebClient api, String email, String campaign, int score, String comment, String at) {
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + ",\"respondedAt\":\"" + at + "\",\"campaignId\":"
                + campaign + "}");
        assertEquals(201, entered.statusCode(), entered.body());
        return Long.parseLong(AudienceApi.id(entered));
    }

    private static Map<Long, String> awaitCounts(WebClient api, String path, Map<Long, String> expected) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        Map<Long, String> counts;
        do {
            counts = counts(api.get(path).body());
            if (counts.equals(expected)) {
                return counts;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        return counts;
    }

    private static void awaitMatchingDone(WebClient api) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        String matching;
        do {
            matching = api.get("api/themes/matching").body();
            if (!Json.bool(Json.object(matching), "running")) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        throw new AssertionError("re-match still running: " + matching);
    }

    /** Themes mentioned at least once: id → promoters/passives/detractors. */
    static Map<Long, String> counts(String json) {
        Map<Long, String> counts = new LinkedHashMap<>();
        for (JsonObject theme : Json.objects(Json.object(json), "themes")) {
            if (Json.number(theme, "total") > 0) {
                counts.put(Json.number(theme, "themeId"), Json.number(theme, "promoters") + "/" + Json.number(theme, "passives") + "/"
                        + Json.number(theme, "detractors"));
            }
        }
        return counts;
    }

    private static List<Long> ids(String json) {
        return Json.objects(Json.object(json), "comments").stream().map(c -> Json.number(c, "responseId")).toList();
    }
}
