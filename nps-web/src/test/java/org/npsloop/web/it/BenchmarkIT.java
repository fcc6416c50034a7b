package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks through the API: references refused field by field (in English and French), created, listed, changed and
 * deleted by the roles that may; the company's NPS against a reference and the internal benchmarks, hand-computed
 * from 40 answers the test enters on a day of the past no other test answers on (checked empty first).
 */
class BenchmarkIT extends OnSharedApplication {

    @Test
    void referencesAreTheCompanysOwnAndTheComparisonsAreExact() {
        WebClient executive = AudienceApi.withKey(base, "EXECUTIVE");
        WebClient marketer = AudienceApi.marketer(base);
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        String run = Deployments.unique("bench");
        String suffix = run.substring(run.indexOf('-') + 1);

        // Refused: every bad field named, in the caller's language.
        String bad = "{\"sector\":\" \",\"region\":\"" + "r".repeat(101) + "\",\"year\":1990,\"source\":\"\",\"nps\":150}";
        HttpResponse<String> english = executive.sendJson("POST", "api/benchmarks", bad);
        assertEquals(400, english.statusCode(), english.body());
        assertEquals(List.of("nps", "region", "sector", "source", "year"), Json.refusedFields(english).stream().sorted().toList());
        assertTrue(Json.says(english, "The sector is required"), english.body());
        assertTrue(Json.says(english, "An NPS is from -100 to +100 (150 given)"), english.body());
        HttpResponse<String> french = executive.withHeader("Accept-Language", "fr").sendJson("POST", "api/benchmarks", bad);
        executive.withoutHeader("Accept-Language");
        assertEquals(400, french.statusCode(), french.body());
        assertTrue(Json.says(french, "Le secteur est obligatoire"), french.body());
        assertTrue(Json.says(french, "Un NPS va de -100 à +100 (150 saisi)"), french.body());
        HttpResponse<String> notNumbers = executive.sendJson("POST", "api/benchmarks",
                "{\"sector\":\"Banking\",\"year\":\"last year\",\"source\":\"Study\",\"nps\":\"high\"}");
        assertEquals(400, notNumbers.statusCode(), notNumbers.body());
        assertEquals(List.of("nps", "year"), Json.refusedFields(notNumbers).stream().sorted().toList());
        assertEquals(400, executive.sendJson("POST", "api/benchmarks",
                "{\"sector\":\"Banking\",\"year\":2025,\"source\":\"Study\",\"nps\":32.25}").statusCode(), "one decimal at most");

        // Created by an executive and by an administrator; a marketer reads them but may not write.
        String sector = "Retail banking " + suffix;
        HttpResponse<String> created = executive.sendJson("POST", "api/benchmarks", "{\"sector\":\"" + sector + "\",\"region\":"
                + "\"France\",\"year\":2025,\"source\":\"Annual study\",\"licenceNote\":\"Internal use only\",\"nps\":30}");
        assertEquals(201, created.statusCode(), created.body());
        long reference = Json.number(Json.object(created), "id");
        assertEquals(new BigDecimal("30.0"), Json.decimal(Json.object(created), "nps"));
        HttpResponse<String> byAdmin = admin.sendJson("POST", "api/benchmarks", "{\"sector\":\"" + sector + " (admin)\","
                + "\"year\":\"2024\",\"source\":\"Panel\",\"nps\":\"-12,5\"}");
        assertEquals(201, byAdmin.statusCode(), byAdmin.body());
        assertEquals(new BigDecimal("-12.5"), Json.decimal(Json.object(byAdmin), "nps"), "a French decimal comma in a string");
        assertEquals(403, marketer.sendJson("POST", "api/benchmarks", "{\"sector\":\"x\",\"year\":2025,\"source\":\"y\",\"nps\":1}")
                .statusCode());
        HttpResponse<String> listed = marketer.get("api/benchmarks");
        assertEquals(200, listed.statusCode());
        JsonObject mine = Json.only(Json.array(listed), "", "sector", sector);
        assertEquals("France", Json.string(mine, "region"));
        assertEquals(2025, Json.number(mine, "year"));
        assertEquals("Internal use only", Json.string(mine, "licenceNote"));
        assertEquals(200, admin.get("api/benchmarks").statusCode());
        assertEquals(401, new WebClient(base).get("api/benchmarks").statusCode());

        // 40 answers on a day of the past that nobody else answered on: 30 promoters from a contact of the run's segment,
        // 4 passives and 6 detractors from another, all to the run's journey campaign.
        String day = freeDay(executive, reference);
        String inSegment = contact(marketer, run, "in", "FR", run);
        String outside = contact(marketer, run, "out", "EN", run + "-out");
        HttpResponse<String> segment = marketer.sendJson("POST", "api/segments", "{\"name\":\"Bench " + run + "\",\"rule\":"
                + "{\"type\":\"attribute\",\"attribute\":\"rrun\",\"operator\":\"EQUALS\",\"values\":[\"" + run + "\"]}}");
        assertEquals(201, segment.statusCode(), segment.body());
        String segmentId = AudienceApi.id(segment);
        String moment = "BENCH_" + suffix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        HttpResponse<String> journey = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + CampaignApi.survey(marketer, run) + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"" + moment + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);
        enter(marketer, inSegment, 30, 10, day, campaign);
        enter(marketer, outside, 4, 8, day, campaign);
        enter(marketer, outside, 6, 3, day, campaign);

        // Company: 30/4/6 of 40, NPS +60, var = .75 + .15 - .6² = .54, margin 1.96 * sqrt(.54/40) * 100 = 22.8.
        // Against 30: +30 is beyond it.
        String period = "?from=" + day + "&to=" + day;
        HttpResponse<String> beyond = executive.get("api/benchmarks/" + reference + "/comparison" + period);
        assertEquals(200, beyond.statusCode(), beyond.body());
        JsonObject b = Json.object(beyond);
        assertEquals(40, Json.number(b, "company.responses"));
        assertEquals(new BigDecimal("60.0"), Json.decimal(b, "company.nps"));
        assertEquals(new BigDecimal("22.8"), Json.decimal(b, "marginOfError"));
        assertEquals(new BigDecimal("30.0"), Json.decimal(b, "difference"));
        assertTrue(Json.bool(b, "beyondMarginOfError"));
        assertEquals("BEYOND_MARGIN", Json.string(b, "verdict"));
        assertEquals(sector, Json.string(b, "reference.sector"));

        // Changed to 45: +15 is within the margin. The other filters do not change the company's NPS.
        HttpResponse<String> changed = executive.sendJson("PUT", "api/benchmarks/" + reference, "{\"sector\":\"" + sector
                + "\",\"region\":\"France\",\"year\":2025,\"source\":\"Annual study\",\"nps\":45}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject within = Json.object(marketer.get("api/benchmarks/" + reference + "/comparison" + period + "&channel=EMAIL"));
        assertEquals(new BigDecimal("15.0"), Json.decimal(within, "difference"));
        assertFalse(Json.bool(within, "beyondMarginOfError"));
        assertEquals("WITHIN_MARGIN", Json.string(within, "verdict"));
        assertEquals(40, Json.number(within, "company.responses"), "the company is every answer of the period");
        assertEquals(403, admin.get("api/benchmarks/" + reference + "/comparison" + period).statusCode(), "answers are for reports' roles");
        assertEquals(404, executive.get("api/benchmarks/999999999/comparison" + period).statusCode());

        // Internal: the segment (30 promoters, +100, var 0) against the company: +40, combined 1.96 * sqrt(0 + .54/40) * 100
        // = 22.8, significant; the moment is the whole company: 0, combined 1.96 * sqrt(2 * .54/40) * 100 = 32.2.
        HttpResponse<String> internal = marketer.get("api/benchmarks/internal" + period + "&campaign=" + campaign);
        assertEquals(200, internal.statusCode(), internal.body());
        JsonObject i = Json.object(internal);
        assertEquals(40, Json.number(i, "overall.responses"));
        JsonObject group = Json.only(i, "segments", "key", segmentId);
        assertEquals(30, Json.number(group, "nps.responses"));
        assertEquals(new BigDecimal("40.0"), Json.decimal(group, "difference.delta"));
        assertEquals(new BigDecimal("22.8"), Json.decimal(group, "difference.combinedMarginOfError"));
        assertTrue(Json.bool(group, "significant"));
        JsonObject journeyMoment = Json.only(i, "moments", "key", moment);
        assertEquals(new BigDecimal("0.0"), Json.decimal(journeyMoment, "difference.delta"));
        assertEquals(new BigDecimal("32.2"), Json.decimal(journeyMoment, "difference.combinedMarginOfError"));
        assertTrue(Json.bool(journeyMoment, "conclusive"));
        assertFalse(Json.bool(journeyMoment, "significant"));
        assertEquals(List.of(moment), Json.texts(i, "moments", "key"), "the page's campaign filter holds for the groups");
        HttpResponse<String> badFilter = marketer.get("api/benchmarks/internal?from=2026-13-01&segment=x");
        assertEquals(400, badFilter.statusCode());
        assertEquals(List.of("from", "segment"), Json.refusedFields(badFilter).stream().sorted().toList());
        assertEquals(403, admin.get("api/benchmarks/internal" + period).statusCode());

        // Deleted by the roles that may; gone.
        assertEquals(403, marketer.sendJson("DELETE", "api/benchmarks/" + reference, "").statusCode());
        assertEquals(204, executive.sendJson("DELETE", "api/benchmarks/" + reference, "").statusCode());
        assertEquals(204, admin.sendJson("DELETE", "api/benchmarks/" + Json.number(Json.object(byAdmin), "id"), "").statusCode());
        assertEquals(404, executive.get("api/benchmarks/" + reference).statusCode());
    }

    /** A day between 2004 and 2019 on which the application holds no answer (other tests answer in 2025-2026). */
    private static String freeDay(WebClient api, long reference) {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(2004, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(16 * 365));
            HttpResponse<String> comparison = api.get("api/benchmarks/" + reference + "/comparison?from=" + day + "&to=" + day);
            assertEquals(200, comparison.statusCode(), comparison.body());
            if (Json.number(Json.object(comparison), "company.responses") == 0) {
                assertEquals("NO_RESPONSES", Json.string(Json.object(comparison), "verdict"));
                return day.toString();
            }
        }
        throw new AssertionError("no free day found");
    }

    private static String contact(WebClient api, String run, String name, String language, String rrun) {
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-" + name
                + "@exemple.fr\",\"language\":\"" + language + "\",\"attributes\":{\"rrun\":\"" + rrun + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        return AudienceApi.id(created);
    }

    private static void enter(WebClient api, String contact, int times, int score, String day, String campaign) {
        for (int n = 0; n < times; n++) {
            HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"contactId\":" + contact + ",\"score\":" + score
                    + ",\"channel\":\"PHONE\",\"respondedAt\":\"" + day + "T12:00:00Z\",\"campaignId\":" + campaign + "}");
            assertEquals(201, entered.statusCode(), entered.body());
        }
    }
}
