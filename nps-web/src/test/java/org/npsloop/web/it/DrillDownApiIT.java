package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The touchpoint ratings, key drivers, choices and the drill-down to verbatims through the REST API on PostgreSQL.
 * Responses are entered by phone for a campaign of this run only (every request filters on it); the questions and
 * answers are written by SQL, as the respondent pages would store them. Every figure is worked out by hand below.
 *
 * <pre>
 * response  score  Paris day     Delivery 1-5  Phone 0-10  improve (multiple)
 *  1        10     5 May 2025    5             8           A, B
 *  2         9     12 May        4
 *  3         3     20 May        1             2           A
 *  4         7     2 June        3                         B
 *  5 flagged 0     3 June        1
 * </pre>
 */
class DrillDownApiIT extends OnSharedApplication {

    @Test
    void touchpointsDriversChoicesAndTheDrillDownWithExactFigures() throws Exception {
        String url = System.getProperty("it.db.url");
        assumeTrue("postgresql".equals(System.getProperty("it.execution")) && url != null && url.startsWith("jdbc:postgresql:"),
                "PostgreSQL only");
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("drill");
        HttpResponse<String> contact = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"language\":\"FR\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        String survey = CampaignApi.survey(api, run);
        String list = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        HttpResponse<String> campaign = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"listId\":" + list + "}");
        assertEquals(201, campaign.statusCode(), campaign.body());
        String k = AudienceApi.id(campaign);
        String[] at = {"2025-05-05T10:00:00Z", "2025-05-12T10:00:00Z", "2025-05-20T10:00:00Z", "2025-06-02T10:00:00Z",
            "2025-06-03T10:00:00Z"};
        int[] scores = {10, 9, 3, 7, 0};
        long[] responses = new long[5];
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"contactId\":" + AudienceApi.id(contact)
                    + ",\"score\":" + scores[i] + ",\"comment\":\"" + run + " answer " + (i + 1) + "\",\"channel\":\"PHONE\","
                    + "\"respondedAt\":\"" + at[i] + "\",\"campaignId\":" + k + "}");
            assertEquals(201, entered.statusCode(), entered.body());
            responses[i] = Long.parseLong(AudienceApi.id(entered));
        }
        try (Connection db = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""))) {
            long delivery = question(db, survey, 1, "TOUCHPOINT_RATING", "ONE_TO_FIVE", 4L);
            long phone = question(db, survey, 2, "TOUCHPOINT_RATING", "ZERO_TO_TEN", 2L);
            long improve = question(db, survey, 3, "MULTIPLE_CHOICE", null, null);
            try (PreparedStatement choice = db.prepareStatement("INSERT INTO survey_question_choice (question_id, position, code,"
                    + " label_en, label_fr) VALUES (?, ?, ?, ?, ?)")) {
                String[][] options = {{"A", "Price", "Prix"}, {"B", "Speed", "Rapidité"}};
                for (int i = 0; i < options.length; i++) {
                    choice.setLong(1, improve);
                    choice.setInt(2, i + 1);
                    choice.setString(3, options[i][0]);
                    choice.setString(4, options[i][1]);
                    choice.setString(5, options[i][2]);
                    choice.executeUpdate();
                }
            }
            int[] deliveryRatings = {5, 4, 1, 3, 1};
            for (int i = 0; i < 5; i++) {
                answer(db, responses[i], delivery, deliveryRatings[i]);
            }
            answer(db, responses[0], phone, 8);
            answer(db, responses[2], phone, 2);
            answer(db, responses[0], improve, null, "A", "B");
            answer(db, responses[2], improve, null, "A");
            answer(db, responses[3], improve, null, "B");
            try (PreparedStatement flag = db.prepareStatement("UPDATE response SET flagged = TRUE, flag_reason = 'test' WHERE id = ?")) {
                flag.setLong(1, responses[4]);
                assertEquals(1, flag.executeUpdate());
            }
        }
        String scope = "campaign=" + k;

        // Phone (position 2) before Delivery (4). Delivery 5, 4, 1, 3: mean 3.25, s = 1.70783, t(3) = 3.18245,
        // margin 3.18245 * 1.70783 / 2 = 2.7175, interval 0.53 to 5.97. Phone 8, 2: mean 5, s = 4.24264, t(1) = 12.7062,
        // margin 12.7062 * 4.24264 / sqrt 2 = 38.12.
        JsonObject all = get(api, "api/reports/touchpoints?granularity=MONTH&" + scope);
        assertEquals(List.of("PHONE", "DELIVERY"), Json.texts(all, "touchpoints", "touchpoint"));
        assertEquals(List.of("ZERO_TO_TEN", "ONE_TO_FIVE"), Json.texts(all, "touchpoints", "scale"));
        assertRatings(Json.at(all, "touchpoints.1.ratings"), 4, "3.25", "2.72", "0.53", "5.97");
        assertEquals(4, Json.number(all, "touchpoints.1.highFrom"));
        assertRatings(Json.at(all, "touchpoints.0.ratings"), 2, "5.0", "38.12", "-33.12", "43.12");
        assertFalse(Json.bool(all, "touchpoints.1.ratings.conclusive"));
        // The trend by month, from the first answer to the last: May 5, 4, 1 (mean 3.33), June 3.
        assertEquals(List.of("2025-05-05", "2025-06-01"), Json.texts(all, "touchpoints.1.trend", "start"));
        assertEquals(3, Json.number(all, "touchpoints.1.trend.0.ratings.n"));
        assertEquals(new BigDecimal("3.33"), Json.decimal(all, "touchpoints.1.trend.0.ratings.mean"));
        // June alone: Delivery's one 3, a mean without an interval; no phone rating.
        JsonObject june = get(api, "api/reports/touchpoints?from=2025-06-01&to=2025-06-30&" + scope);
        assertEquals(List.of("DELIVERY"), Json.texts(june, "touchpoints", "touchpoint"));
        assertEquals(new BigDecimal("3.0"), Json.decimal(june, "touchpoints.0.ratings.mean"));
        assertAbsent(june, "touchpoints.0.ratings.marginOfError");
        // The suspected bot's 1 counts only when asked: 5, 4, 1, 3, 1: mean 2.8, margin 2.776 * 1.78885 / sqrt 5 = 2.22.
        JsonObject flagged = get(api, "api/reports/touchpoints?includeFlagged=true&" + scope);
        assertRatings(Json.at(flagged, "touchpoints.1.ratings"), 5, "2.8", "2.22", "0.58", "5.02");

        // Key drivers, none conclusive, by difference. Phone 0-10: high (8-10) response 1, a promoter: +100; low 3, a
        // detractor: -100; +200 with no spread in either group (margin 0). Delivery: high (4-5) 1 and 2: +100; low 3 and
        // 4: (0, 1, 1) = -50 ± 1.96 * sqrt(0.25 / 2) * 100 = 69.3; +150 ± 69.3.
        JsonObject drivers = get(api, "api/reports/drivers?" + scope);
        assertEquals(List.of("PHONE", "DELIVERY"), Json.texts(drivers, "drivers", "touchpoint"));
        assertEquals(List.of("1", "2"), Json.texts(drivers, "drivers", "rank"));
        assertEquals(new BigDecimal("200.0"), Json.decimal(drivers, "drivers.0.difference.delta"));
        JsonObject deliveryDriver = Json.objects(drivers, "drivers").get(1);
        assertEquals(2, Json.number(deliveryDriver, "high.responses"));
        assertEquals(new BigDecimal("100.0"), Json.decimal(deliveryDriver, "high.nps"));
        assertEquals(1, Json.number(deliveryDriver, "low.passives"));
        assertEquals(1, Json.number(deliveryDriver, "low.detractors"));
        assertEquals(new BigDecimal("-50.0"), Json.decimal(deliveryDriver, "low.nps"));
        assertEquals(new BigDecimal("69.3"), Json.decimal(deliveryDriver, "low.marginOfError"));
        assertEquals(new BigDecimal("150.0"), Json.decimal(deliveryDriver, "difference.delta"));
        assertEquals(new BigDecimal("69.3"), Json.decimal(deliveryDriver, "difference.combinedMarginOfError"));
        assertFalse(Json.bool(deliveryDriver, "conclusive"));
        assertFalse(Json.bool(deliveryDriver, "significant"), "2 against 2: not conclusive, hence never significant");

        // Choices: answered by 1 (promoter), 3 (detractor) and 4 (passive). A: 1 and 3; B: 1 and 4.
        JsonObject choices = get(api, "api/reports/choices?" + scope);
        JsonObject question = Json.objects(choices, "questions").get(0);
        assertEquals("MULTIPLE_CHOICE", Json.string(question, "kind"));
        assertEquals(3, Json.number(question, "answered.total"));
        assertEquals(List.of("A", "B"), Json.texts(question, "options", "code"));
        assertEquals(1, Json.number(question, "options.0.promoters.count"));
        assertEquals(new BigDecimal("100.0"), Json.decimal(question, "options.0.promoters.percent"));
        assertEquals(new BigDecimal("0.0"), Json.decimal(question, "options.0.passives.percent"));
        assertEquals(new BigDecimal("100.0"), Json.decimal(question, "options.0.detractors.percent"));
        assertEquals(new BigDecimal("66.7"), Json.decimal(question, "options.0.percent"));
        assertEquals(1, Json.number(question, "options.1.passives.count"));

        // The drill-down: those who rated Delivery low (responses 3 and 4) in the dashboard and in the comments.
        JsonObject low = get(api, "api/reports/dashboard?touchpoint=DELIVERY&rated=low&" + scope);
        assertEquals(2, Json.number(low, "nps.responses"));
        assertEquals(1, Json.number(low, "nps.passives"));
        JsonObject verbatims = get(api, "api/comments?touchpoint=delivery&rated=LOW&" + scope);
        assertEquals(List.of(run + " answer 4", run + " answer 3"), Json.texts(verbatims, "comments", "comment"));
        JsonObject high = get(api, "api/comments?touchpoint=DELIVERY&rated=high&" + scope);
        assertEquals(List.of(run + " answer 2", run + " answer 1"), Json.texts(high, "comments", "comment"));
    }

    @Test
    void badParametersAreNamedAndRolesAreChecked() {
        WebClient marketer = AudienceApi.marketer(base);
        assertRefused(marketer.get("api/reports/touchpoints?granularity=DAY&from=yesterday"), "from", "granularity");
        assertRefused(marketer.get("api/reports/drivers?touchpoint=DELIVERY"), "rated");
        assertRefused(marketer.get("api/reports/choices?touchpoint=DELIVERY&rated=medium"), "rated");
        assertRefused(marketer.get("api/reports/drivers?rated=low"), "touchpoint");
        assertRefused(marketer.get("api/reports/touchpoints?touchpoint=NO_SUCH_TOUCHPOINT&rated=low"), "touchpoint");
        assertRefused(marketer.get("api/comments?touchpoint=DELIVERY&rated=sometimes"), "rated");
        HttpResponse<String> french = marketer.withHeader("Accept-Language", "fr")
                .send("GET", "api/reports/drivers?touchpoint=PHONE", "application/json", new byte[0]);
        assertEquals(400, french.statusCode(), french.body());
        assertTrue(Json.refusal(french, "rated").contains("quelles notes du point de contact"), french.body());

        assertEquals(200, AudienceApi.withKey(base, "EXECUTIVE").get("api/reports/drivers?from=2025-01-01").statusCode());
        WebClient administrator = AudienceApi.withKey(base, "ADMIN");
        for (String path : List.of("touchpoints", "drivers", "choices")) {
            assertEquals(403, administrator.get("api/reports/" + path).statusCode(), path);
            assertEquals(401, new WebClient(base).get("api/reports/" + path).statusCode(), path);
        }
    }

    private static JsonObject get(WebClient api, String path) {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return Json.object(response);
    }

    private static void assertRefused(HttpResponse<String> response, String... fields) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(fields), Json.refusedFields(response).stream().sorted().toList(), response.body());
    }

    private static void assertRatings(JsonValue ratings, long n, String mean, String margin, String lower, String upper) {
        assertEquals(n, Json.number(ratings, "n"), ratings.toString());
        assertEquals(new BigDecimal(mean), Json.decimal(ratings, "mean"), ratings.toString());
        assertEquals(new BigDecimal(margin), Json.decimal(ratings, "marginOfError"), ratings.toString());
        assertEquals(new BigDecimal(lower), Json.decimal(ratings, "lower"), ratings.toString());
        assertEquals(new BigDecimal(upper), Json.decimal(ratings, "upper"), ratings.toString());
    }

    private static void assertAbsent(JsonValue root, String path) {
        assertTrue(Json.find(root, path).map(v -> v == JsonValue.NULL).orElse(true), path + " in " + root);
    }

    static long next(Connection db, String sequence) throws SQLException {
        // The top of a fresh block of 50: used alone, it can collide with nobody (see SqlDialect.allocateIds).
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long question(Connection db, String survey, int position, String kind, String scale, Long touchpoint)
            throws SQLException {
        long id = next(db, "survey_question_seq");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO survey_question (id, survey_id, position, kind,"
                + " rating_scale, touchpoint_id, text_en, text_fr, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setLong(1, id);
            insert.setLong(2, Long.parseLong(survey));
            insert.setInt(3, position);
            insert.setString(4, kind);
            insert.setString(5, scale);
            insert.setObject(6, touchpoint);
            insert.setString(7, kind + " " + position);
            insert.setString(8, kind + " " + position + " (FR)");
            insert.executeUpdate();
        }
        return id;
    }

    static void answer(Connection db, long response, long question, Integer rating, String... choices) throws SQLException {
        long id = next(db, "response_answer_seq");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO response_answer (id, response_id, question_id, rating,"
                + " answered_at, updated_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setLong(1, id);
            insert.setLong(2, response);
            insert.setLong(3, question);
            insert.setObject(4, rating == null ? null : rating.shortValue(), java.sql.Types.SMALLINT);
            insert.executeUpdate();
        }
        for (String code : choices) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO response_answer_choice (answer_id, choice_code) VALUES (?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, code);
                insert.executeUpdate();
            }
        }
    }
}
