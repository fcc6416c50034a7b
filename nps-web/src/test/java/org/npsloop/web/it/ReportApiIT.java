package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and breakdown figures through the REST API on PostgreSQL, against answers entered by
 * phone with known dates, for four contacts of this run only (a segment on a run attribute scopes every
 * request, so other tests' answers change nothing). Every expected figure is worked out by hand below;
 * the API rounds to one decimal. Also the annotations API and the roles.
 *
 * <pre>
 * contact  language plan  answers (UTC)
 * A        FR       pro   10 x 10 on 5 March 2025 (journey J), 1 x 0 at 23:30 on 28 Feb (J) = 1 March 00:30 in Paris
 * B        FR       free  6 x 9 on 10 March (one-off O, MANUAL), 10 x 7 on 12 Feb (O, MANUAL),
 *                         1 x 7 at 22:30 on 31 March (O, MANUAL) = 1 April 00:30 in Paris (summer time)
 * C        EN       pro   8 x 8 on 15 March (O), 1 x 0 on 12 March (J), flagged as a suspected bot
 * D        EN       free  6 x 3 on 20 March (no campaign), 20 x 2 on 10 Feb (no campaign)
 * PHONE unless said. March 2025 in Paris, flagged left out: promoters 16, passives 8, detractors 7 (n = 31).
 * </pre>
 */
class ReportApiIT extends OnSharedApplication {


    private WebClient api;
    private String scope;

    @Test
    void everyFigureOfTheDashboardAndBreakdownsThroughEachFilter() throws Exception {
        String url = System.getProperty("it.db.url");
        // The PostgreSQL execution only: flags and invitations are set by SQL in the application's database.
        assumeTrue("postgresql".equals(System.getProperty("it.execution")) && url != null && url.startsWith("jdbc:postgresql:"),
                "PostgreSQL only");
        api = AudienceApi.marketer(base);
        String run = Deployments.unique("rep");
        String suffix = run.substring(run.indexOf('-') + 1);
        String a = contact(run, "a", "FR", "pro");
        String b = contact(run, "b", "FR", "free");
        String c = contact(run, "c", "EN", "pro");
        String d = contact(run, "d", "EN", "free");
        HttpResponse<String> segment = api.sendJson("POST", "api/segments", "{\"name\":\"Run " + run + "\",\"rule\":"
                + "{\"type\":\"attribute\",\"attribute\":\"rrun\",\"operator\":\"EQUALS\",\"values\":[\"" + run + "\"]}}");
        assertEquals(201, segment.statusCode(), segment.body());
        scope = "segment=" + AudienceApi.id(segment);
        String survey = CampaignApi.survey(api, run);
        String moment = "ONBOARDING_" + suffix.toUpperCase(Locale.ROOT);
        HttpResponse<String> journey = api.sendJson("POST", "api/campaigns", "{\"name\":\"J " + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"" + moment + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String j = AudienceApi.id(journey);
        String list = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"O " + run + "\"}"));
        HttpResponse<String> oneOff = api.sendJson("POST", "api/campaigns", "{\"name\":\"O " + run + "\",\"surveyId\":" + survey
                + ",\"listId\":" + list + "}");
        assertEquals(201, oneOff.statusCode(), oneOff.body());
        String o = AudienceApi.id(oneOff);

        List<String> aMarch = enter(a, 10, 10, "PHONE", "2025-03-05T10:00:00Z", j);
        enter(a, 1, 0, "PHONE", "2025-02-28T23:30:00Z", j);
        enter(b, 6, 9, "MANUAL", "2025-03-10T10:00:00Z", o);
        enter(b, 10, 7, "MANUAL", "2025-02-12T10:00:00Z", o);
        enter(b, 1, 7, "MANUAL", "2025-03-31T22:30:00Z", o);
        enter(c, 8, 8, "PHONE", "2025-03-15T10:00:00Z", o);
        String bot = enter(c, 1, 0, "PHONE", "2025-03-12T10:00:00Z", j).get(0);
        List<String> dMarch = enter(d, 6, 3, "PHONE", "2025-03-20T10:00:00Z", null);
        enter(d, 20, 2, "PHONE", "2025-02-10T10:00:00Z", null);

        // By SQL: one answer flagged as a bot; first invitations of J sent on 2 March to the four contacts, A and D
        // having answered theirs (D's answer has no campaign: the rate follows the invitation).
        try (Connection db = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""))) {
            try (PreparedStatement flag = db.prepareStatement("UPDATE response SET flagged = TRUE, flag_reason = 'test' WHERE id = ?")) {
                flag.setLong(1, Long.parseLong(bot));
                assertEquals(1, flag.executeUpdate());
            }
            invite(db, j, a, aMarch.get(0), run);
            invite(db, j, b, null, run);
            invite(db, j, c, null, run);
            invite(db, j, d, dMarch.get(0), run);
        }

        // The rollup worker materialises the run segment (its four contacts): every figure below comes from the
        // segment's rollups, the answers and invitations written above read live until folded, then folded.
        String segmentId = AudienceApi.id(segment);
        Map<String, Object> members = awaitMaterialised(api, segmentId);
        assertEquals(4, number(members, "members").intValue(), members.toString());

        // March 2025: P 16, Pa 8, D 7, n 31: NPS (16 - 7) / 31 = 29.03; var = 23/31 - (9/31)² = 0.65765;
        // MoE = 1.96·√(0.65765/31)·100 = 28.55. Conclusive (31 ≥ 30).
        Map<String, Object> march = dashboard("from=2025-03-01&to=2025-03-31");
        assertEquals("2025-03-01", march.get("from"));
        assertNps(nps(march), 31, 16, 8, 7, 51.6, 25.8, 22.6, 29.0, 28.5, true);
        // Scores: 0 once (A at 00:30 Paris), 3 six times, 8 eight times, 9 six times, 10 ten times.
        List<Map<String, Object>> scores = list(march, "distribution");
        assertEquals(11, scores.size());
        long[] counts = {1, 0, 0, 6, 0, 0, 0, 0, 8, 6, 10};
        double[] percents = {3.2, 0, 0, 19.4, 0, 0, 0, 0, 25.8, 19.4, 32.3};
        for (int s = 0; s <= 10; s++) {
            assertEquals(s, number(scores.get(s), "score").intValue());
            assertEquals(counts[s], number(scores.get(s), "count").longValue(), "count of " + s);
            assertEquals(percents[s], number(scores.get(s), "percent").doubleValue(), 1e-9, "share of " + s);
        }
        // Response rate: 4 first invitations sent in March to the segment, 2 answered.
        assertRate(march, 4, 2, 50.0);
        // Previous period: the 31 days before, 29 January to 28 February: P 0, Pa 10, D 20: NPS -66.67,
        // var = 2/3 - 4/9 = 0.2222, MoE = 1.96·√(0.2222/30)·100 = 16.87 (n = 30, conclusive).
        Map<String, Object> comparison = object(march, "comparison");
        assertEquals("2025-01-29", comparison.get("previousFrom"));
        assertEquals("2025-02-28", comparison.get("previousTo"));
        assertNps(object(comparison, "previous"), 30, 0, 10, 20, 0.0, 33.3, 66.7, -66.7, 16.9, true);
        // Change +95.70 against 1.96·√(0.65765/31 + 0.2222/30)·100 = 33.16: significant.
        assertChange(object(comparison, "change"), 95.7, 33.2, true);
        List<Map<String, Object>> marchTrend = list(march, "trend");
        assertEquals(1, marchTrend.size());
        assertEquals("2025-03-31", marchTrend.get(0).get("end"));
        assertNull(marchTrend.get(0).get("changeFromPrevious"), "the first point has nothing before it");

        // Monthly trend February to April: Feb (0, 10, 20), March as above, April (0, 1, 0): B's 22:30 UTC answer.
        Map<String, Object> spring = dashboard("from=2025-02-01&to=2025-04-30&granularity=MONTH");
        List<Map<String, Object>> months = list(spring, "trend");
        assertEquals(List.of("2025-02-01", "2025-03-01", "2025-04-01"), months.stream().map(m -> m.get("start")).toList());
        assertEquals(List.of("2025-02-28", "2025-03-31", "2025-04-30"), months.stream().map(m -> m.get("end")).toList());
        assertNps(object(months.get(0), "nps"), 30, 0, 10, 20, 0.0, 33.3, 66.7, -66.7, 16.9, true);
        assertNps(object(months.get(1), "nps"), 31, 16, 8, 7, 51.6, 25.8, 22.6, 29.0, 28.5, true);
        assertNps(object(months.get(2), "nps"), 1, 0, 1, 0, 0.0, 100.0, 0.0, 0.0, 0.0, false);
        assertChange(object(months.get(1), "changeFromPrevious"), 95.7, 33.2, true);
        // April against March: -29.03 against 1.96·√(0 + 0.65765/31)·100 = 28.55: significant (barely, and
        // on one answer: the formula's verdict, which is why small n is marked not conclusive).
        assertChange(object(months.get(2), "changeFromPrevious"), -29.0, 28.5, true);
        // Quarters of the first half: Q1 = February + March (16, 18, 27), n 61, NPS -18.03, MoE 20.58;
        // Q2 = April (0, 1, 0): +18.03 against 20.58: not significant.
        Map<String, Object> half = dashboard("from=2025-01-01&to=2025-06-30&granularity=quarter");
        List<Map<String, Object>> quarters = list(half, "trend");
        assertEquals(2, quarters.size());
        assertNps(object(quarters.get(0), "nps"), 61, 16, 18, 27, 26.2, 29.5, 44.3, -18.0, 20.6, true);
        assertChange(object(quarters.get(1), "changeFromPrevious"), 18.0, 20.6, false);
        assertEquals("QUARTER", half.get("granularity"));

        // Each filter, in March.
        String m = "from=2025-03-01&to=2025-03-31&";
        // Bots included: C's 0 too: (16, 8, 8), NPS 25.0, MoE 28.73.
        assertNps(nps(dashboard(m + "includeFlagged=true")), 32, 16, 8, 8, 50.0, 25.0, 25.0, 25.0, 28.7, true);
        // Campaign J: A's eleven (10, 0, 1): NPS 81.82, MoE 33.98, not conclusive; J's invitations: 4 sent, 2 answered.
        Map<String, Object> journeyOnly = dashboard(m + "campaign=" + j);
        assertNps(nps(journeyOnly), 11, 10, 0, 1, 90.9, 0.0, 9.1, 81.8, 34.0, false);
        assertRate(journeyOnly, 4, 2, 50.0);
        assertNps(nps(dashboard(m + "moment=" + moment.toLowerCase(Locale.ROOT))), 11, 10, 0, 1, 90.9, 0.0, 9.1, 81.8, 34.0, false);
        // Campaign O: B's six 9 and C's eight 8: (6, 8, 0), NPS 42.86, MoE 25.92; nobody invited by it.
        Map<String, Object> oneOffOnly = dashboard(m + "campaign=" + o);
        assertNps(nps(oneOffOnly), 14, 6, 8, 0, 42.9, 57.1, 0.0, 42.9, 25.9, false);
        assertRate(oneOffOnly, 0, 0, null);
        // Language FR (A, B): (16, 0, 1), NPS 88.24, MoE 22.37; invitations of A and B, A answered.
        Map<String, Object> french = dashboard(m + "language=fr");
        assertNps(nps(french), 17, 16, 0, 1, 94.1, 0.0, 5.9, 88.2, 22.4, false);
        assertRate(french, 2, 1, 50.0);
        // Language EN (C, D): (0, 8, 6), NPS -42.86, MoE 25.92.
        assertNps(nps(dashboard(m + "language=EN")), 14, 0, 8, 6, 0.0, 57.1, 42.9, -42.9, 25.9, false);
        // Channel PHONE (A, C, D): (10, 8, 7), NPS 12.0, MoE 31.98; MANUAL (B): (6, 0, 0), NPS 100, MoE 0.
        assertNps(nps(dashboard(m + "channel=PHONE")), 25, 10, 8, 7, 40.0, 32.0, 28.0, 12.0, 32.0, false);
        Map<String, Object> manual = dashboard(m + "channel=manual");
        assertNps(nps(manual), 6, 6, 0, 0, 100.0, 0.0, 0.0, 100.0, 0.0, false);
        assertRate(manual, 0, 0, null);
        // Attribute plan = pro (A, C): (10, 8, 1), NPS 47.37, MoE 26.78.
        assertNps(nps(dashboard(m + "attribute=plan&value=PRO")), 19, 10, 8, 1, 52.6, 42.1, 5.3, 47.4, 26.8, false);
        // Without the run segment, the figures include other tests' answers: only the segment scopes them.
        assertTrue(number(nps(dashboard("from=2025-03-01&to=2025-03-31", false)), "responses").longValue() >= 31);

        // Breakdowns in March, highest NPS first (none is conclusive).
        assertRows(breakdown(m + "dimension=CAMPAIGN"), Arrays.asList("J " + run, "O " + run, null),
                List.of(81.8, 42.9, -100.0), List.of(11L, 14L, 6L));
        assertEquals(List.of(j, o), keys(breakdown(m + "dimension=CAMPAIGN")).subList(0, 2));
        assertRows(breakdown(m + "dimension=journey_moment"), Arrays.asList(moment, null), List.of(81.8, 0.0), List.of(11L, 20L));
        assertRows(breakdown(m + "dimension=LANGUAGE"), List.of("FR", "EN"), List.of(88.2, -42.9), List.of(17L, 14L));
        assertRows(breakdown(m + "dimension=CHANNEL"), List.of("MANUAL", "PHONE"), List.of(100.0, 12.0), List.of(6L, 25L));
        Map<String, Object> plans = breakdown(m + "dimension=ATTRIBUTE&by=plan");
        assertEquals("plan", plans.get("attribute"));
        assertRows(plans, List.of("pro", "free"), List.of(47.4, 0.0), List.of(19L, 12L));
        Map<String, Object> free = list(plans, "rows").get(1);
        assertNps(object(free, "nps"), 12, 6, 0, 6, 50.0, 0.0, 50.0, 0.0, 56.6, false);
        // February and March by channel: PHONE (10, 8, 27) n 45 conclusive, NPS -37.78, comes before MANUAL
        // (6, 10, 0) n 16, NPS 37.5, not conclusive.
        Map<String, Object> channels = breakdown("from=2025-02-01&to=2025-03-31&dimension=CHANNEL");
        assertRows(channels, List.of("PHONE", "MANUAL"), List.of(-37.8, 37.5), List.of(45L, 16L));
        assertEquals(List.of(true, false), list(channels, "rows").stream().map(r -> object(r, "nps").get("conclusive")).toList());
        // Filters combine: French answers by campaign: O has only B's six 9 (100), J A's eleven (81.8).
        assertRows(breakdown(m + "language=FR&dimension=CAMPAIGN"), List.of("O " + run, "J " + run),
                List.of(100.0, 81.8), List.of(6L, 11L));
    }

    /** Polls the segment's membership until the worker has materialised it (PostgreSQL). */
    private static Map<String, Object> awaitMaterialised(WebClient client, String segmentId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            HttpResponse<String> state = client.get("api/reports/rollups/segments/" + segmentId);
            assertEquals(200, state.statusCode(), state.body());
            Map<String, Object> json = Json.map(state.body());
            if (Boolean.TRUE.equals(json.get("materialised")) || System.currentTimeMillis() > deadline) {
                assertEquals(true, json.get("materialised"), "materialised within a minute: " + state.body());
                return json;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aSegmentsMembersAreRecountedOnRequest() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("it.execution")), "PostgreSQL only");
        WebClient marketer = AudienceApi.marketer(base);
        api = marketer;
        String run = Deployments.unique("seg");
        contact(run, "a", "FR", "pro");
        String segment = AudienceApi.id(marketer.sendJson("POST", "api/segments", "{\"name\":\"Run " + run + "\",\"rule\":"
                + "{\"type\":\"attribute\",\"attribute\":\"rrun\",\"operator\":\"EQUALS\",\"values\":[\"" + run + "\"]}}"));
        Map<String, Object> first = awaitMaterialised(marketer, segment);
        assertEquals(1, number(first, "members").intValue());
        // A second contact joins; asked for, the recount counts it at once (a change of contacts alone makes a segment
        // due only a minute after its last count: within 30 s, only the request does).
        contact(run, "b", "EN", "free");
        HttpResponse<String> asked = marketer.sendJson("POST", "api/reports/rollups/segments/" + segment + "/refresh", "");
        assertEquals(202, asked.statusCode(), asked.body());
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> now = Json.map(marketer.get("api/reports/rollups/segments/" + segment).body());
        while (number(now, "members").intValue() != 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            now = Json.map(marketer.get("api/reports/rollups/segments/" + segment).body());
        }
        assertEquals(2, number(now, "members").intValue(), now.toString());
        assertFalse(String.valueOf(now.get("asOf")).compareTo(String.valueOf(first.get("asOf"))) <= 0, "a later count");
        assertEquals(404, marketer.get("api/reports/rollups/segments/987654321").statusCode());
        assertEquals(401, new WebClient(base).get("api/reports/rollups/segments/" + segment).statusCode());
        assertEquals(401, new WebClient(base).sendJson("POST", "api/reports/rollups/segments/" + segment + "/refresh", "").statusCode());
    }

    @Test
    void badParametersAreNamedAndRolesAreChecked() {
        WebClient marketer = AudienceApi.marketer(base);
        HttpResponse<String> bad = marketer.get("api/reports/dashboard?granularity=DAY&from=yesterday&channel=fax&segment=x");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(List.of("channel", "from", "granularity", "segment"), Json.refusedFields(bad).stream().sorted().toList(), bad.body());
        HttpResponse<String> reversed = marketer.get("api/reports/dashboard?from=2025-03-31&to=2025-03-01");
        assertEquals(400, reversed.statusCode());
        assertEquals(List.of("to"), Json.refusedFields(reversed), reversed.body());
        HttpResponse<String> unknownSegment = marketer.get("api/reports/dashboard?segment=987654321");
        assertEquals(400, unknownSegment.statusCode(), unknownSegment.body());
        HttpResponse<String> noDimension = marketer.get("api/reports/breakdown?dimension=colour");
        assertEquals(400, noDimension.statusCode());
        assertEquals(List.of("dimension"), Json.refusedFields(noDimension), noDimension.body());
        HttpResponse<String> noBy = marketer.get("api/reports/breakdown?dimension=ATTRIBUTE");
        assertEquals(400, noBy.statusCode());
        assertEquals(List.of("by"), Json.refusedFields(noBy), noBy.body());
        HttpResponse<String> unknownAttribute = marketer.get("api/reports/breakdown?dimension=ATTRIBUTE&by=no_such_thing");
        assertEquals(400, unknownAttribute.statusCode(), unknownAttribute.body());
        assertEquals(400, marketer.get("api/reports/dashboard?attribute=plan").statusCode(), "an attribute needs a value");

        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        assertEquals(200, key(admin, "EXECUTIVE").get("api/reports/breakdown?dimension=LANGUAGE").statusCode());
        assertEquals(200, key(admin, "EXECUTIVE").get("api/annotations").statusCode());
        WebClient administrator = key(admin, "ADMIN");
        assertEquals(403, administrator.get("api/reports/dashboard").statusCode());
        assertEquals(403, administrator.get("api/annotations").statusCode());
        assertEquals(401, new WebClient(base).get("api/reports/dashboard").statusCode());
    }

    @Test
    void annotationsAreCreatedListedByPeriodEditedAndDeleted() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient executive = key(admin, "EXECUTIVE");
        String text = Deployments.unique("Price change");
        HttpResponse<String> created = executive.sendJson("POST", "api/annotations",
                "{\"day\":\"2024-06-03\",\"text\":\"  " + text + "  \"}");
        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> note = Json.map(created.body());
        assertEquals(text, note.get("text"));
        assertEquals("2024-06-03", note.get("day"));
        assertTrue(String.valueOf(note.get("author")).startsWith("api-key:"), created.body());
        String id = String.valueOf(number(note, "id").longValue());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/annotations/" + id));

        assertEquals(List.of(text), annotations(executive, "from=2024-06-03&to=2024-06-03", id));
        assertEquals(List.of(), annotations(executive, "from=2024-06-04&to=2024-12-31", id));
        assertEquals(List.of(), annotations(executive, "to=2024-06-02", id));

        HttpResponse<String> edited = AudienceApi.marketer(base).sendJson("PUT", "api/annotations/" + id,
                "{\"day\":\"2024-06-05\",\"text\":\"" + text + " (new list)\"}");
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals(List.of(text + " (new list)"), annotations(executive, "from=2024-06-05&to=2024-06-05", id));
        assertEquals(List.of(), annotations(executive, "from=2024-06-03&to=2024-06-03", id), "moved to its new day");

        HttpResponse<String> refused = executive.sendJson("POST", "api/annotations", "{\"text\":\"   \"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("day", "text"), Json.refusedFields(refused).stream().sorted().toList(), refused.body());
        HttpResponse<String> tooLong = executive.sendJson("PUT", "api/annotations/" + id,
                "{\"day\":\"2024-06-05\",\"text\":\"" + "x".repeat(501) + "\"}");
        assertEquals(400, tooLong.statusCode());
        assertEquals(List.of("text"), Json.refusedFields(tooLong), tooLong.body());
        HttpResponse<String> badDay = executive.sendJson("POST", "api/annotations", "{\"day\":\"31/12/2024\",\"text\":\"x\"}");
        assertEquals(400, badDay.statusCode());
        assertEquals(List.of("day"), Json.refusedFields(badDay), badDay.body());

        assertEquals(204, executive.sendJson("DELETE", "api/annotations/" + id, "").statusCode());
        assertEquals(404, executive.sendJson("DELETE", "api/annotations/" + id, "").statusCode());
        assertEquals(404, executive.sendJson("PUT", "api/annotations/" + id, "{\"day\":\"2024-06-05\",\"text\":\"x\"}").statusCode());
        assertEquals(List.of(), annotations(executive, "from=2024-06-01&to=2024-06-30", id));
        assertFalse(executive.get("api/annotations?from=2024-06-01&to=2024-06-30").body().contains(text));
    }

    /** The texts of the annotation {@code id} among those listed for the period (other tests' annotations are ignored). */
    private static List<String> annotations(WebClient client, String period, String id) {
        HttpResponse<String> listed = client.get("api/annotations?" + period);
        assertEquals(200, listed.statusCode(), listed.body());
        return Json.where(Json.array(listed), "", "id", id).stream().map(a -> Json.string(a, "text")).toList();
    }

    // ---------------------------------------------------------------------------------------- helpers

    private String contact(String run, String name, String language, String plan) {
        String email = run + "-" + name + "@exemple.fr";
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"language\":\""
                + language + "\",\"attributes\":{\"rrun\":\"" + run + "\",\"plan\":\"" + plan + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        return AudienceApi.id(created);
    }

    /** {@code times} answers of the contact; returns their ids. */
    private List<String> enter(String contact, int times, int score, String channel, String at, String campaign) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"contactId\":" + contact + ",\"score\":" + score
                    + ",\"channel\":\"" + channel + "\",\"respondedAt\":\"" + at + "\""
                    + (campaign == null ? "" : ",\"campaignId\":" + campaign) + "}");
            assertEquals(201, entered.statusCode(), entered.body());
            ids.add(AudienceApi.id(entered));
        }
        return ids;
    }

    /** A first invitation of the campaign sent on 2 March 2025, answered by the response when given. */
    private static void invite(Connection db, String campaign, String contact, String response, String run) throws SQLException {
        long id;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('invitation_seq')")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind,"
                + " status, token_hash, due_at, sent_at, attempts, created_at, version) VALUES (?, ?, ?, 1, 0, 'INITIAL', 'SENT', ?,"
                + " TIMESTAMP WITH TIME ZONE '2025-03-02 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-03-02 09:00:00+00', 1,"
                + " CURRENT_TIMESTAMP, 0)")) {
            insert.setLong(1, id);
            insert.setLong(2, Long.parseLong(campaign));
            insert.setLong(3, Long.parseLong(contact));
            insert.setString(4, (run + "-" + id).substring(0, Math.min(64, (run + "-" + id).length())));
            insert.executeUpdate();
        }
        if (response != null) {
            try (PreparedStatement link = db.prepareStatement("UPDATE response SET invitation_id = ? WHERE id = ?")) {
                link.setLong(1, id);
                link.setLong(2, Long.parseLong(response));
                assertEquals(1, link.executeUpdate());
            }
            // What the respondent pages note on the first invitation when a person answers it.
            try (PreparedStatement answered = db.prepareStatement(
                    "UPDATE invitation SET answered_at = (SELECT responded_at FROM response WHERE id = ?) WHERE id = ?")) {
                answered.setLong(1, Long.parseLong(response));
                answered.setLong(2, id);
                assertEquals(1, answered.executeUpdate());
            }
        }
    }

    private Map<String, Object> dashboard(String query) {
        return dashboard(query, true);
    }

    private Map<String, Object> dashboard(String query, boolean scoped) {
        HttpResponse<String> response = api.get("api/reports/dashboard?" + query + (scoped ? "&" + scope : ""));
        assertEquals(200, response.statusCode(), response.body());
        return Json.map(response.body());
    }

    private Map<String, Object> breakdown(String query) {
        HttpResponse<String> response = api.get("api/reports/breakdown?" + query + "&" + scope);
        assertEquals(200, response.statusCode(), response.body());
        return Json.map(response.body());
    }

    private WebClient key(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique("rep") + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Json.string(Json.object(issued), "secret");
        return new WebClient(base).withHeader("Authorization", "Bearer " + secret);
    }

    private static Map<String, Object> nps(Map<String, Object> dashboard) {
        return object(dashboard, "nps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String name) {
        Object value = json.get(name);
        assertTrue(value instanceof Map, name + " in " + json);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        return (List<Map<String, Object>>) json.get(name);
    }

    private static Number number(Map<String, Object> json, String name) {
        Object value = json.get(name);
        assertTrue(value instanceof Number, name + " in " + json);
        return (Number) value;
    }

    private static void assertNps(Map<String, Object> nps, long n, long promoters, long passives, long detractors,
            double promoterPercent, double passivePercent, double detractorPercent, double score, double moe, boolean conclusive) {
        String where = nps.toString();
        assertEquals(n, number(nps, "responses").longValue(), where);
        assertEquals(promoters, number(nps, "promoters").longValue(), where);
        assertEquals(passives, number(nps, "passives").longValue(), where);
        assertEquals(detractors, number(nps, "detractors").longValue(), where);
        assertEquals(promoterPercent, number(nps, "promoterPercent").doubleValue(), 1e-9, where);
        assertEquals(passivePercent, number(nps, "passivePercent").doubleValue(), 1e-9, where);
        assertEquals(detractorPercent, number(nps, "detractorPercent").doubleValue(), 1e-9, where);
        assertEquals(score, number(nps, "nps").doubleValue(), 1e-9, where);
        assertEquals(moe, number(nps, "marginOfError").doubleValue(), 1e-9, where);
        assertEquals(conclusive, nps.get("conclusive"), where);
    }

    private static void assertChange(Map<String, Object> change, double delta, double combined, boolean significant) {
        assertEquals(delta, number(change, "delta").doubleValue(), 1e-9, change.toString());
        assertEquals(combined, number(change, "combinedMarginOfError").doubleValue(), 1e-9, change.toString());
        assertEquals(significant, change.get("significant"), change.toString());
    }

    private static void assertRate(Map<String, Object> dashboard, long invited, long responded, Double percent) {
        Map<String, Object> rate = object(dashboard, "responseRate");
        assertEquals(invited, number(rate, "invited").longValue(), rate.toString());
        assertEquals(responded, number(rate, "responded").longValue(), rate.toString());
        if (percent == null) {
            assertNull(rate.get("percent"), rate.toString());
        } else {
            assertEquals(percent, number(rate, "percent").doubleValue(), 1e-9, rate.toString());
        }
    }

    private static void assertRows(Map<String, Object> breakdown, List<String> labels, List<Double> scores, List<Long> sizes) {
        List<Map<String, Object>> rows = list(breakdown, "rows");
        assertEquals(labels, rows.stream().map(r -> (String) r.get("label")).toList(), breakdown.toString());
        assertEquals(scores, rows.stream().map(r -> number(object(r, "nps"), "nps").doubleValue()).toList(), breakdown.toString());
        assertEquals(sizes, rows.stream().map(r -> number(object(r, "nps"), "responses").longValue()).toList(), breakdown.toString());
    }

    private static List<String> keys(Map<String, Object> breakdown) {
        return list(breakdown, "rows").stream().map(r -> (String) r.get("key")).toList();
    }
}
