package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The questions after the score through the API: refused field by field in the caller's language, stored in
 * order, options keeping their codes when relabelled, at most ten, a removed one no longer listed; touchpoints
 * (five built in, one added with its code); roles.
 */
class SurveyQuestionsApiIT extends OnSharedApplication {

    private static final String RATING = "{\"kind\":\"TOUCHPOINT_RATING\",\"touchpointId\":%d,\"scale\":\"%s\","
            + "\"textEn\":\"How was the delivery?\",\"textFr\":\"Et la livraison ?\",\"required\":true}";

    @Test
    void questionsAreRefusedByFieldThenStoredInOrderAndRemoved() {
        WebClient api = AudienceApi.marketer(base);
        String survey = "api/surveys/" + AudienceApi.id(api.sendJson("POST", "api/surveys",
                "{\"name\":\"" + Deployments.unique("questions") + "\",\"brandName\":\"Acme\"}"));
        String questions = survey + "/questions";

        // The five touchpoints of the reference documents ship built in.
        List<JsonObject> touchpoints = Json.objects(Json.array(api.get("api/touchpoints")), "");
        assertTrue(Json.texts(Json.array(api.get("api/touchpoints")), "", "code")
                .containsAll(List.of("FIRST_CONTACT", "PHONE", "SALES", "DELIVERY", "MAINTENANCE")), touchpoints.toString());
        long delivery = Json.number(Json.only(Json.array(api.get("api/touchpoints")), "", "code", "DELIVERY"), "id");

        // Every malformed field named at once, in the caller's language; nothing stored.
        HttpResponse<String> refused = api.sendJson("POST", questions,
                "{\"kind\":\"STARS\",\"scale\":\"ONE_TO_SIX\",\"audience\":\"VIPS\",\"textEn\":\"x\",\"textFr\":\"x\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("audience", "kind", "scale"), Json.refusedFields(refused).stream().sorted().toList(), refused.body());
        WebClient french = AudienceApi.marketer(base).withHeader("Accept-Language", "fr");
        HttpResponse<String> incomplete = french.sendJson("POST", questions,
                "{\"kind\":\"SINGLE_CHOICE\",\"textEn\":\" \",\"textFr\":\"Quoi d'abord ?\",\"choices\":[{\"labelEn\":\"Price\",\"labelFr\":\"Prix\"}]}");
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        assertEquals(List.of("choices", "textEn"), Json.refusedFields(incomplete).stream().sorted().toList(), incomplete.body());
        assertEquals("Une question à choix demande au moins deux options", Json.refusal(incomplete, "choices"), incomplete.body());
        assertEquals("Le libellé anglais de la question est obligatoire", Json.refusal(incomplete, "textEn"), incomplete.body());
        HttpResponse<String> noTouchpoint = api.sendJson("POST", questions, String.format(RATING, 999_999, "ONE_TO_FIVE"));
        assertEquals(List.of("touchpointId"), Json.refusedFields(noTouchpoint), noTouchpoint.body());
        assertEquals(0, Json.array(api.get(questions)).size(), "nothing was stored");

        // Stored: a 0-10 rating of the delivery for everyone, a detractors' multiple choice.
        HttpResponse<String> rating = api.sendJson("POST", questions, String.format(RATING, delivery, "zero-to-ten"));
        assertEquals(201, rating.statusCode(), rating.body());
        assertEquals("ZERO_TO_TEN", Json.string(Json.object(rating), "scale"), rating.body());
        assertEquals("DELIVERY", Json.string(Json.object(rating), "touchpoint.code"), rating.body());
        HttpResponse<String> choice = api.sendJson("POST", questions, "{\"kind\":\"multiple_choice\",\"audience\":\"detractors\","
                + "\"textEn\":\"What should we improve first?\",\"textFr\":\"Que devons-nous améliorer d'abord ?\","
                + "\"choices\":[{\"labelEn\":\"Price\",\"labelFr\":\"Prix\"},{\"labelEn\":\"Delays\",\"labelFr\":\"Délais\"}]}");
        assertEquals(201, choice.statusCode(), choice.body());
        String choiceId = Json.id(choice);
        assertEquals(List.of("C1", "C2"), Json.texts(Json.object(choice), "choices", "code"), choice.body());
        assertEquals("DETRACTORS", Json.string(Json.object(choice), "audience"), choice.body());

        // Relabelled and reordered, the options keep their codes; a new one gets the next.
        HttpResponse<String> changed = api.sendJson("PUT", questions + "/" + choiceId, "{\"kind\":\"MULTIPLE_CHOICE\","
                + "\"audience\":\"DETRACTORS\",\"textEn\":\"What should we improve first?\",\"textFr\":\"Que devons-nous améliorer d'abord ?\","
                + "\"choices\":[{\"code\":\"C2\",\"labelEn\":\"Delivery delays\",\"labelFr\":\"Délais de livraison\"},"
                + "{\"labelEn\":\"Support\",\"labelFr\":\"Support\"},{\"code\":\"C1\",\"labelEn\":\"Price\",\"labelFr\":\"Prix\"}]}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(List.of("C2", "C3", "C1"), Json.texts(Json.object(changed), "choices", "code"), changed.body());
        HttpResponse<String> kindChange = api.sendJson("PUT", questions + "/" + choiceId,
                "{\"kind\":\"YES_NO\",\"textEn\":\"Solved?\",\"textFr\":\"Résolu ?\"}");
        assertEquals(List.of("kind"), Json.refusedFields(kindChange), kindChange.body());

        // Order: moved up, the choice question comes first.
        HttpResponse<String> moved = api.sendJson("POST", questions + "/" + choiceId + "/move?offset=-1", "");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(List.of("MULTIPLE_CHOICE", "TOUCHPOINT_RATING"), Json.texts(Json.array(api.get(questions)), "", "kind"));

        // At most ten questions.
        for (int i = 0; i < 8; i++) {
            assertEquals(201, api.sendJson("POST", questions, "{\"kind\":\"YES_NO\",\"textEn\":\"Q" + i + "?\",\"textFr\":\"Q" + i + " ?\"}").statusCode());
        }
        HttpResponse<String> eleventh = api.sendJson("POST", questions, "{\"kind\":\"YES_NO\",\"textEn\":\"One more?\",\"textFr\":\"Encore ?\"}");
        assertEquals(400, eleventh.statusCode(), eleventh.body());
        assertTrue(Json.says(eleventh, "at most 10"), eleventh.body());

        // Removed: no longer listed (its answers stay in the reports), and gone from the survey's address.
        assertEquals(204, api.sendJson("DELETE", questions + "/" + choiceId, "").statusCode());
        assertEquals(9, Json.array(api.get(questions)).size());
        assertEquals(404, api.sendJson("DELETE", questions + "/" + choiceId, "").statusCode());
        assertEquals(404, api.sendJson("DELETE", "api/surveys/999999/questions/" + Json.id(rating), "").statusCode());
    }

    @Test
    void marketersAddTouchpointsOthersCannotEditQuestions() {
        WebClient api = AudienceApi.marketer(base);
        String name = Deployments.unique("After-sales");
        HttpResponse<String> refused = api.sendJson("POST", "api/touchpoints", "{\"labelEn\":\"\",\"labelFr\":\"SAV\"}");
        assertEquals(List.of("labelEn"), Json.refusedFields(refused), refused.body());
        HttpResponse<String> added = api.sendJson("POST", "api/touchpoints", "{\"labelEn\":\"" + name + "\",\"labelFr\":\"Service après-vente\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals(name.toUpperCase().replace('-', '_'), Json.string(Json.object(added), "code"), added.body());
        assertEquals(false, Json.bool(Json.object(added), "builtIn"));

        assertEquals(403, AudienceApi.withKey(base, "EXECUTIVE").get("api/touchpoints").statusCode());
        assertEquals(401, new WebClient(base).get("api/surveys/1/questions").statusCode());
    }
}
