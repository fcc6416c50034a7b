package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phone and manual answers entered through the API, read back through every inbox filter with the exact
 * rows expected; refused input named field by field; roles. On PostgreSQL (the suite's database); the
 * search text of this run scopes the rows, so earlier runs on the same database change nothing.
 */
class ResponseApiIT extends OnSharedApplication {



    @Test
    void phoneAnswersAreEnteredAndFoundThroughEachFilter() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("phone");
        String suffix = run.substring(run.indexOf('-') + 1);
        String a = run + "-a@exemple.fr";
        String b = run + "-b@exemple.fr";
        String lastName = "L" + suffix;
        String aId = AudienceApi.id(api.sendJson("POST", "api/contacts",
                "{\"email\":\"" + a + "\",\"firstName\":\"Zo\u00e9\",\"lastName\":\"" + lastName + "\",\"language\":\"FR\"}"));
        AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + b + "\",\"language\":\"EN\"}"));
        String survey = CampaignApi.survey(api, run);
        String moment = "ONBOARDING_" + suffix.toUpperCase(Locale.ROOT);
        HttpResponse<String> journey = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"" + moment + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);
        String token = suffix + "retard";

        HttpResponse<String> first = api.sendJson("POST", "api/responses", "{\"email\":\"" + a + "\",\"score\":10,"
                + "\"comment\":\"Tr\u00e8s bon accueil\",\"contactConsent\":true,\"channel\":\"PHONE\","
                + "\"respondedAt\":\"2026-03-01T10:00:00Z\",\"campaignId\":" + campaign + "}");
        assertEquals(201, first.statusCode(), first.body());
        JsonObject stored = Json.object(first);
        assertEquals(List.of("PHONE", "PROMOTER", a), List.of(Json.string(stored, "channel"), Json.string(stored, "category"),
                Json.string(stored, "email")), first.body());
        assertEquals(10, Json.number(stored, "score"), first.body());
        assertTrue(Json.string(stored, "enteredBy").startsWith("api-key:"), first.body());
        String r1 = AudienceApi.id(first);
        String r2 = entered(api, "{\"email\":\"" + b.toUpperCase(Locale.ROOT) + "\",\"score\":4,\"comment\":\"Livraison en "
                + token + "\",\"respondedAt\":\"2026-03-03T08:00:00Z\"}");
        String r3 = entered(api, "{\"contactId\":" + aId + ",\"score\":7,\"channel\":\"manual\",\"respondedAt\":\"2026-03-05T10:00:00Z\"}");
        String r4 = entered(api, "{\"email\":\"" + b + "\",\"score\":9,\"channel\":\"PHONE\",\"respondedAt\":\"2026-03-10T18:30:00Z\"}");

        // Newest first, total counted by the database, pages cut by it.
        assertEquals(List.of(r4, r3, r2, r1), ids(api, "q=" + run));
        assertEquals(4, total(api, "q=" + run));
        assertEquals(List.of(r3, r2), ids(api, "q=" + run + "&first=1&size=2"));
        // Category.
        assertEquals(List.of(r4, r1), ids(api, "q=" + run + "&category=promoter"));
        assertEquals(List.of(r3), ids(api, "q=" + run + "&category=PASSIVE"));
        assertEquals(List.of(r2), ids(api, "q=" + run + "&category=detractor"));
        // Channel: PHONE is the default when none is given.
        assertEquals(List.of(r4, r2, r1), ids(api, "q=" + run + "&channel=PHONE"));
        assertEquals(List.of(r3), ids(api, "q=" + run + "&channel=MANUAL"));
        assertEquals(List.of(), ids(api, "q=" + run + "&channel=EMAIL"));
        // Search: comment, name, email.
        assertEquals(List.of(r2), ids(api, "q=" + token.toUpperCase(Locale.ROOT)));
        assertEquals(List.of(r3, r1), ids(api, "q=zo%C3%A9%20" + lastName.toLowerCase(Locale.ROOT)));
        assertEquals(List.of(r4, r2), ids(api, "q=" + run + "-b%40"));
        // Period: days (to includes its day) and instants (from included, to excluded).
        assertEquals(List.of(r3, r2), ids(api, "q=" + run + "&from=2026-03-02&to=2026-03-09"));
        assertEquals(List.of(r4, r3), ids(api, "q=" + run + "&from=2026-03-05T10:00:00Z&to=2026-03-10T18:30:01Z"));
        assertEquals(List.of(r4), ids(api, "q=" + run + "&from=2026-03-10"));
        // Campaign, journey moment, comment present, flagged (none of these is).
        assertEquals(List.of(r1), ids(api, "campaignId=" + campaign));
        assertEquals(List.of(r1), ids(api, "journeyMoment=" + moment.toLowerCase(Locale.ROOT)));
        assertEquals(List.of(r2, r1), ids(api, "q=" + run + "&hasComment=true"));
        assertEquals(List.of(r4, r3), ids(api, "q=" + run + "&hasComment=false"));
        assertEquals(List.of(r4, r3, r2, r1), ids(api, "q=" + run + "&flagged=hide"));
        assertEquals(List.of(), ids(api, "q=" + run + "&flagged=only"));
        assertEquals(List.of(r4, r1), ids(api, "q=" + run + "&category=promoter&channel=phone"));

        // One row as the inbox shows it.
        String page = api.get("api/responses?campaignId=" + campaign).body();
        JsonObject row = Json.only(Json.object(page), "rows", "id", r1);
        assertEquals(10, Json.number(row, "score"), page);
        assertEquals(aId, Json.text(row, "contactId"), page);
        assertTrue(Json.bool(row, "contactConsent"), page);
        assertFalse(Json.bool(row, "flagged"), page);
        assertEquals(List.of("PROMOTER", "Tr\u00e8s bon accueil", "PHONE", run, moment, a, "Zo\u00e9 " + lastName, "2026-03-01T10:00:00Z"),
                List.of(Json.string(row, "category"), Json.string(row, "comment"), Json.string(row, "channel"),
                        Json.string(row, "campaignName"), Json.string(row, "journeyMoment"), Json.string(row, "contactEmail"),
                        Json.string(row, "contactName"), Json.string(row, "respondedAt")), page);
        assertTrue(Json.string(row, "enteredBy").startsWith("api-key:"), page);

        // Each answer has its first history entry, stamped when it was typed (months after it was given, so that
        // the webhook, which watches updated_at, sees it), and who typed it (columns the API does not show).
        String url = System.getProperty("it.db.url");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            try (Connection db = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                    System.getProperty("it.db.password", ""));
                    PreparedStatement q = db.prepareStatement("SELECT r.entered_by, COUNT(h.id), MIN(h.score), MIN(h.changed_at) > r.responded_at + INTERVAL '1 day' "
                            + "FROM response r JOIN response_change h ON h.response_id = r.id WHERE r.id = ? GROUP BY r.entered_by, r.responded_at")) {
                q.setLong(1, Long.parseLong(r1));
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next(), "a history entry for " + r1);
                    assertTrue(rs.getString(1).startsWith("api-key:"), rs.getString(1));
                    assertEquals(1, rs.getInt(2));
                    assertEquals(10, rs.getInt(3));
                    assertTrue(rs.getBoolean(4));
                }
            }
            // A suspected bot's answer is left out of the dashboard's figures: those of this test's campaign (which no
            // other test's data can change), and the overview of all data (no other test runs meanwhile).
            String report = "api/reports/dashboard?campaign=" + campaign + "&from=2026-01-01&to=2026-12-31";
            assertEquals(1, Json.number(Json.object(api.get(report).body()), "nps.responses"), api.get(report).body());
            long before = overviewResponses(api);
            try (Connection db = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                    System.getProperty("it.db.password", ""));
                    PreparedStatement flag = db.prepareStatement("UPDATE response SET flagged = ? WHERE id = ?")) {
                flag.setBoolean(1, true);
                flag.setLong(2, Long.parseLong(r1));
                flag.executeUpdate();
                assertEquals(before - 1, overviewResponses(api), "a flagged answer does not count");
                assertEquals(0, Json.number(Json.object(api.get(report).body()), "nps.responses"), api.get(report).body());
                flag.setBoolean(1, false);
                flag.executeUpdate();
            }
            assertEquals(before, overviewResponses(api));
            assertEquals(1, Json.number(Json.object(api.get(report).body()), "nps.responses"), api.get(report).body());
        }
    }

    private static long overviewResponses(WebClient api) {
        return Json.number(Json.object(api.get("api/overview").body()), "responses");
    }

    @Test
    void refusedInputIsNamedFieldByFieldAndNothingIsStored() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("phonebad");
        String c = run + "@exemple.fr";
        String contactId = AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + c + "\"}"));

        HttpResponse<String> refused = api.sendJson("POST", "api/responses", "{\"email\":\"nobody-" + run + "@exemple.fr\","
                + "\"score\":11,\"comment\":\"x\",\"channel\":\"EMAIL\",\"respondedAt\":\"2099-01-01T00:00:00Z\",\"campaignId\":987654321}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Json.refusedFields(refused).containsAll(List.of("email", "score", "channel", "respondedAt", "campaignId")),
                refused.body());
        HttpResponse<String> missing = api.sendJson("POST", "api/responses", "{\"comment\":\"no contact, no score\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(Json.refusedFields(missing).containsAll(List.of("contactId", "score", "respondedAt")), missing.body());
        // An erased contact cannot be given an answer.
        assertEquals(204, api.sendJson("DELETE", "api/contacts/" + contactId, "").statusCode());
        HttpResponse<String> erased = api.sendJson("POST", "api/responses", "{\"contactId\":" + contactId + ",\"score\":5,"
                + "\"respondedAt\":\"2026-03-01T10:00:00Z\"}");
        assertEquals(400, erased.statusCode(), erased.body());
        assertTrue(Json.refusal(erased, "contactId").contains("erased"), erased.body());
        assertEquals(0, total(api, "q=" + run));

        // Filters that do not parse.
        HttpResponse<String> badFilters = api.get("api/responses?category=fans&channel=fax&from=yesterday&flagged=maybe");
        assertEquals(400, badFilters.statusCode(), badFilters.body());
        assertEquals(List.of("category", "channel", "flagged", "from"), Json.refusedFields(badFilters).stream().sorted().toList(),
                badFilters.body());
    }

    @Test
    void additionalAnswersAreEnteredWithTheScoreExportedAndErasedWithTheirAuthor() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("phoneanswers");
        String email = run + "@exemple.fr";
        String contactId = AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"language\":\"FR\"}"));
        String survey = CampaignApi.survey(api, run);
        HttpResponse<String> created = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"E_" + run.substring(run.indexOf('-') + 1).toUpperCase(Locale.ROOT)
                + "\",\"triggerDelayDays\":7}");
        assertEquals(201, created.statusCode(), created.body());
        String campaign = AudienceApi.id(created);
        long surveyId = Long.parseLong(survey);
        long delivery = Respondents.question(surveyId, 1, "TOUCHPOINT_RATING", "EVERYONE", true, "How was the delivery?", "ONE_TO_FIVE", 4L);
        long improve = Respondents.question(surveyId, 2, "MULTIPLE_CHOICE", "DETRACTORS", false, "What should we improve first?",
                null, null, "Delays", "Price", "Support");
        long again = Respondents.question(surveyId, 3, "YES_NO", "EVERYONE", false, "Would you buy again?", null, null);
        long words = Respondents.question(surveyId, 4, "SHORT_TEXT", "EVERYONE", false, "Anything else?", null, null);
        long valued = Respondents.question(surveyId, 5, "SHORT_TEXT", "PROMOTERS", false, "What do you value most?", null, null);
        String secret = "Zorglub " + run;
        String head = "{\"email\":\"" + email + "\",\"score\":2,\"respondedAt\":\"2026-03-01T10:00:00Z\",\"campaignId\":" + campaign
                + ",\"answers\":";

        // Refused answers: each named answers.<id>, in the caller's language, and nothing stored (not even the score).
        HttpResponse<String> badRating = api.withHeader("Accept-Language", "fr").sendJson("POST", "api/responses",
                head + "{\"" + delivery + "\":7,\"" + again + "\":\"peut-\u00eatre\"}}");
        assertEquals(400, badRating.statusCode(), badRating.body());
        assertEquals(List.of("answers." + delivery, "answers." + again), Json.refusedFields(badRating), badRating.body());
        assertEquals("Choisissez une note de 1 \u00e0 5", Json.refusal(badRating, "answers." + delivery), badRating.body());
        api.withoutHeader("Accept-Language");
        HttpResponse<String> unknown = api.sendJson("POST", "api/responses", head + "{\"987654321\":4,\"" + delivery + "\":4}}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals(List.of("answers.987654321"), Json.refusedFields(unknown), unknown.body());
        assertEquals("This survey has no question 987654321", Json.refusal(unknown, "answers.987654321"), unknown.body());
        HttpResponse<String> notAsked = api.sendJson("POST", "api/responses", head + "{\"" + valued + "\":\"The price\"}}");
        assertEquals(400, notAsked.statusCode(), notAsked.body());
        assertEquals(List.of("answers." + valued), Json.refusedFields(notAsked), notAsked.body());
        HttpResponse<String> shape = api.sendJson("POST", "api/responses", head + "{\"" + improve + "\":{\"C1\":true},\"x\":1}}");
        assertEquals(400, shape.statusCode(), shape.body());
        assertEquals(List.of("answers." + improve, "answers.x"), Json.refusedFields(shape), shape.body());
        assertEquals(0, total(api, "q=" + run));

        // Stored with the score, returned, and read back with the question's kind, touchpoint and English wording.
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", head + "{\"" + delivery + "\":2,\"" + improve
                + "\":[\"C3\",\"C1\"],\"" + again + "\":false,\"" + words + "\":\"" + secret + "\"}}");
        assertEquals(201, entered.statusCode(), entered.body());
        String id = AudienceApi.id(entered);
        for (String body : List.of(entered.body(), api.get("api/responses/" + id).body())) {
            List<JsonObject> answers = Json.objects(Json.object(body), "answers");
            assertEquals(List.of(String.valueOf(delivery), String.valueOf(improve), String.valueOf(again), String.valueOf(words)),
                    answers.stream().map(a -> Json.text(a, "questionId")).toList(), body);
            assertEquals(List.of("TOUCHPOINT_RATING", "DELIVERY", "How was the delivery?", "2"), List.of(Json.string(answers.get(0), "kind"),
                    Json.string(answers.get(0), "touchpoint"), Json.string(answers.get(0), "text"), Json.text(answers.get(0), "value")), body);
            assertEquals(List.of("C1", "C3"), Json.strings(answers.get(1), "value"), body);
            assertFalse(Json.bool(answers.get(2), "value"), body);
            assertEquals(secret, Json.string(answers.get(3), "value"), body);
        }
        assertEquals(404, api.get("api/responses/987654321").statusCode());
        assertEquals(List.of(delivery + "=2", improve + "=C1|C3", again + "=no", words + "=" + secret), history(id));

        // The CSV export: a column per question, headed and written in the language asked for.
        HttpResponse<String> csv = api.get("api/responses/export.csv?campaign=" + campaign + "&lang=fr");
        assertEquals(200, csv.statusCode(), csv.body());
        String[] lines = csv.body().substring(1).split("\r\n");
        assertTrue(lines[0].endsWith(";flagged;FR: How was the delivery?;FR: What should we improve first?;FR: Would you buy again?;"
                + "FR: Anything else?;FR: What do you value most?"), lines[0]);
        assertTrue(lines[1].endsWith(";false;2;\"FR: Delays; FR: Support\";non;" + secret + ";"), lines[1]);

        // The GDPR export: each answer in the contact's language, with its history.
        JsonObject export = Json.object(api.get("api/contacts/" + contactId + "/export").body());
        List<JsonObject> exported = Json.objects(Json.objects(export, "responses").get(0), "answers");
        assertEquals(List.of("FR: How was the delivery?", "FR: What should we improve first?", "FR: Would you buy again?",
                "FR: Anything else?"), exported.stream().map(a -> Json.string(a, "question")).toList(), export.toString());
        assertEquals(List.of("FR: Delays", "FR: Support"), Json.strings(exported.get(1), "value"), export.toString());
        assertEquals(secret, Json.string(Json.objects(exported.get(3), "history").get(0), "value"), export.toString());

        // Erasure: the words go, with their history; the rating, choices and yes/no stay, anonymous.
        assertEquals(204, api.sendJson("DELETE", "api/contacts/" + contactId, "").statusCode());
        assertEquals(List.of(delivery + "=2", improve + "=C1|C3", again + "=no", words + "=null"), history(id));
        List<Map<String, Object>> left = Respondents.rows("SELECT a.rating, a.text_value, a.yes_no FROM response_answer a"
                + " WHERE a.response_id = ? ORDER BY a.question_id", Long.parseLong(id));
        assertEquals(4, left.size());
        assertEquals(2, ((Number) left.get(0).get("rating")).intValue());
        assertEquals(Boolean.FALSE, left.get(2).get("yes_no"));
        assertTrue(left.stream().allMatch(row -> row.get("text_value") == null), left.toString());
        JsonObject after = Json.object(api.get("api/responses/" + id).body());
        assertFalse(Json.has(after, "contactId") && !Json.isNull(after, "contactId"), after.toString());
        assertEquals(3, Json.objects(after, "answers").size(), "the cleared text is no answer any more: " + after);
    }

    /** The history of a response's additional answers, oldest first: "question id=value". */
    private static List<String> history(String responseId) {
        return Respondents.rows("SELECT question_id, value_text FROM response_answer_change WHERE response_id = ?"
                + " ORDER BY changed_at, question_id", Long.parseLong(responseId)).stream()
                .map(row -> row.get("question_id") + "=" + row.get("value_text")).toList();
    }

    @Test
    void executivesReadOnlyMarketersEnterOthersAreRefused() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient executive = keyFor(admin, "EXECUTIVE");
        WebClient administrator = keyFor(admin, "ADMIN");

        assertEquals(200, executive.get("api/responses?size=1").statusCode());
        HttpResponse<String> write = executive.sendJson("POST", "api/responses", "{\"email\":\"x@exemple.fr\",\"score\":5}");
        assertEquals(403, write.statusCode(), write.body());
        assertEquals(403, administrator.get("api/responses").statusCode());
        assertEquals(403, administrator.sendJson("POST", "api/responses", "{\"score\":5}").statusCode());
        assertEquals(401, new WebClient(base).get("api/responses").statusCode());
        // The page follows the roles of the menu: Responses belong to marketers.
        assertEquals(403, admin.get("responses/index.xhtml").statusCode());
    }

    private WebClient keyFor(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique(role.toLowerCase(Locale.ROOT)) + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return new WebClient(base).withHeader("Authorization", "Bearer " + Json.string(Json.object(issued), "secret"));
    }

    private static String entered(WebClient api, String json) {
        HttpResponse<String> response = api.sendJson("POST", "api/responses", json);
        assertEquals(201, response.statusCode(), response.body());
        return AudienceApi.id(response);
    }

    private static List<String> ids(WebClient api, String query) {
        HttpResponse<String> page = api.get("api/responses?" + query);
        assertEquals(200, page.statusCode(), page.body());
        return Json.texts(Json.object(page), "rows", "id");
    }

    private static long total(WebClient api, String query) {
        return Json.number(Json.object(api.get("api/responses?" + query).body()), "total");
    }
}
