package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
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
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(90);



    @Test
    void themesAreCountedByCategoryAndPeopleCanCorrectThem() throws Exception {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient api = executive(admin);
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("themes");
        String suffix = run.substring(run.indexOf('-') + 1).replaceAll("[^a-z0-9]", "");
        String word = "zorglub" + suffix;

        // Refused drafts name their fields; a good one is created by an executive.
        HttpResponse<String> refused = api.sendJson("POST", "api/themes", "{\"labelEn\":\" \",\"labelFr\":\"Prix\","
                + "\"keywordsEn\":[\"x\",\"X\"],\"keywordsFr\":[\"\"]}");
        assertEquals(400, refused.statusCode(), refused.body());
        for (String field : new String[] {"labelEn", "labelFr", "keywordsEn", "keywordsFr"}) {
            assertTrue(refused.body().contains("\"" + field + "\""), field + " in " + refused.body());
        }
        HttpResponse<String> created = api.sendJson("POST", "api/themes", "{\"labelEn\":\"Zorglub " + suffix + "\",\"labelFr\":"
                + "\"Zorglub FR " + suffix + "\",\"keywordsEn\":[\"" + word + "\"],\"keywordsFr\":[]}");
        assertEquals(201, created.statusCode(), created.body());
        long custom = Long.parseLong(first(ID, created.body()));

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
        assertTrue(json.contains("\"commentedPromoters\":1") && json.contains("\"commentedPassives\":1")
                && json.contains("\"commentedDetractors\":3") && json.contains("\"commented\":5"), json);
        assertTrue(json.indexOf("\"themeId\":" + DELIVERY) < json.indexOf("\"themeId\":" + PRICE), "most mentioned first: " + json);
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
        assertTrue(r4json.contains("\"total\":1") && r4json.contains("\"manual\":true") && r4json.contains("\"manual\":false")
                && !r4json.contains(email), r4json);

        // Malformed parameters are named.
        HttpResponse<String> badDate = api.get("api/reports/themes?from=2026-13-01&campaign=abc");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("\"from\"") && badDate.body().contains("\"campaign\""), badDate.body());
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

    private WebClient executive(WebClient admin) {
        String name = Deployments.unique("exec");
        HttpResponse<String> user = admin.sendJson("POST", "api/users", "{\"username\":\"" + name
                + "\",\"roles\":[\"EXECUTIVE\"],\"password\":\"Initial-password-1\"}");
        assertEquals(201, user.statusCode(), user.body());
        WebClient executive = new WebClient(base);
        executive.login(name, "Initial-password-1");
        executive.changePassword("Initial-password-1", "Executive-pass-42");
        return executive;
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
            if (matching.contains("\"running\":false")) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        throw new AssertionError("re-match still running: " + matching);
    }

    /** Themes mentioned at least once: id → promoters/passives/detractors. */
    static Map<Long, String> counts(String json) {
        Map<Long, String> counts = new LinkedHashMap<>();
        int start = json.indexOf("\"themes\":[");
        assertTrue(start >= 0, json);
        String themes = json.substring(start, json.indexOf(']', start));
        for (String theme : themes.split("\\}")) {
            if (!theme.contains("\"themeId\"")) {
                continue;
            }
            long total = number(theme, "total");
            if (total > 0) {
                counts.put(number(theme, "themeId"), number(theme, "promoters") + "/" + number(theme, "passives") + "/"
                        + number(theme, "detractors"));
            }
        }
        return counts;
    }

    private static long number(String json, String field) {
        return Long.parseLong(first(Pattern.compile("\"" + field + "\":(\\d+)"), json));
    }

    private static List<Long> ids(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"responseId\":(\\d+)").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + pattern + " in " + text);
        return m.group(1);
    }
}
