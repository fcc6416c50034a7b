package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The questions after the score and the touchpoints through the API: added, changed (option codes kept when
 * relabelled), moved and archived (out of the list, its row kept); bad input refused field by field in English and
 * French with nothing stored; the limit of 10; touchpoints added with a code and renamed; the why question per
 * category on the survey; roles.
 */
class SurveyQuestionsApiIT extends OnSharedApplication {

    @Test
    void questionsAreAddedRelabelledMovedAndArchivedUpToTen() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("questions");
        String questions = "api/surveys/" + CampaignApi.survey(api, run) + "/questions";
        assertEquals(0, Json.array(api.get(questions)).size(), "a new survey asks nothing more");

        List<JsonObject> touchpoints = Json.objects(Json.array(api.get("api/touchpoints")), "");
        assertEquals(List.of("FIRST_CONTACT", "PHONE", "SALES", "DELIVERY", "MAINTENANCE"),
                touchpoints.subList(0, 5).stream().map(t -> Json.string(t, "code")).toList(), "the reference documents' five first");
        assertTrue(touchpoints.subList(0, 5).stream().allMatch(t -> Json.bool(t, "builtIn")));
        long delivery = Json.number(touchpoints.get(3), "id");

        // Enum values as a person types them: any case, dashes for underscores.
        HttpResponse<String> rating = api.sendJson("POST", questions, "{\"kind\":\"touchpoint-rating\",\"scale\":\"zero_to_ten\","
                + "\"touchpointId\":" + delivery + ",\"required\":true,\"textEn\":\"How was the delivery?\",\"textFr\":\"Et la livraison ?\"}");
        assertEquals(201, rating.statusCode(), rating.body());
        JsonObject stored = Json.object(rating);
        assertEquals(List.of("TOUCHPOINT_RATING", "ZERO_TO_TEN", "DELIVERY", "EVERYONE", "1"), List.of(Json.string(stored, "kind"),
                Json.string(stored, "scale"), Json.string(stored, "touchpoint.code"), Json.string(stored, "audience"),
                String.valueOf(Json.number(stored, "position"))), rating.body());
        assertTrue(Json.bool(stored, "required"));

        HttpResponse<String> choice = api.sendJson("POST", questions, "{\"kind\":\"MULTIPLE_CHOICE\",\"audience\":\"detractors\","
                + "\"textEn\":\"What should we improve first?\",\"textFr\":\"Que devons-nous am\u00e9liorer d'abord ?\",\"choices\":["
                + "{\"labelEn\":\"Price\",\"labelFr\":\"Prix\"},{\"labelEn\":\"Delay\",\"labelFr\":\"D\u00e9lai\"},"
                + "{\"labelEn\":\"Support\",\"labelFr\":\"Support\"}]}");
        assertEquals(201, choice.statusCode(), choice.body());
        assertEquals(List.of("C1", "C2", "C3"), Json.texts(Json.object(choice), "choices", "code"));
        String choiceId = AudienceApi.id(choice);

        // Relabelled: the options sent with their code keep it (answers keep their meaning), a new one gets the next
        // code, a removed code is not reused; the fields left out keep their value.
        HttpResponse<String> relabelled = api.sendJson("PUT", questions + "/" + choiceId, "{\"choices\":["
                + "{\"code\":\"C3\",\"labelEn\":\"Customer support\",\"labelFr\":\"Service client\"},"
                + "{\"code\":\"C2\",\"labelEn\":\"Delivery time\",\"labelFr\":\"D\u00e9lai de livraison\"},"
                + "{\"labelEn\":\"Quality\",\"labelFr\":\"Qualit\u00e9\"}]}");
        assertEquals(200, relabelled.statusCode(), relabelled.body());
        JsonObject changed = Json.object(relabelled);
        assertEquals(List.of("C3", "C2", "C4"), Json.texts(changed, "choices", "code"), relabelled.body());
        assertEquals(List.of("Service client", "D\u00e9lai de livraison", "Qualit\u00e9"), Json.texts(changed, "choices", "labelFr"));
        assertEquals(List.of("DETRACTORS", "What should we improve first?"),
                List.of(Json.string(changed, "audience"), Json.string(changed, "textEn")), "left out: kept");
        HttpResponse<String> otherKind = api.sendJson("PUT", questions + "/" + choiceId, "{\"kind\":\"YES_NO\"}");
        assertEquals(400, otherKind.statusCode(), otherKind.body());
        assertEquals(List.of("kind"), Json.refusedFields(otherKind));

        String text = AudienceApi.id(api.sendJson("POST", questions, "{\"kind\":\"SHORT_TEXT\",\"audience\":\"PROMOTERS\","
                + "\"textEn\":\"What do you value most?\",\"textFr\":\"Qu'appr\u00e9ciez-vous le plus ?\"}"));
        HttpResponse<String> moved = api.sendJson("POST", questions + "/" + text + "/move?offset=-1", "");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(List.of("TOUCHPOINT_RATING", "SHORT_TEXT", "MULTIPLE_CHOICE"), Json.texts(Json.array(moved), "", "kind"));
        HttpResponse<String> badOffset = api.sendJson("POST", questions + "/" + text + "/move?offset=2", "");
        assertEquals(400, badOffset.statusCode(), badOffset.body());
        assertEquals(List.of("offset"), Json.refusedFields(badOffset));

        // Removed: no longer asked nor listed, but archived, not deleted: its answers stay in the reports.
        String ratingId = AudienceApi.id(rating);
        assertEquals(204, api.sendJson("DELETE", questions + "/" + ratingId, "").statusCode());
        assertEquals(List.of("SHORT_TEXT", "MULTIPLE_CHOICE"), Json.texts(Json.array(api.get(questions)), "", "kind"));
        assertEquals(List.of(Boolean.TRUE), Respondents.rows("SELECT archived FROM survey_question WHERE id = ?", Long.parseLong(ratingId))
                .stream().map(row -> row.get("archived")).toList());
        assertEquals(404, api.sendJson("PUT", questions + "/" + ratingId, "{\"textEn\":\"Back?\"}").statusCode());
        assertEquals(404, api.sendJson("DELETE", questions + "/" + ratingId, "").statusCode());

        // At most 10 asked: the archived one does not count.
        for (int i = 3; i <= 10; i++) {
            HttpResponse<String> yesNo = api.sendJson("POST", questions, "{\"kind\":\"YES_NO\",\"textEn\":\"Question " + i
                    + "?\",\"textFr\":\"Question " + i + " ?\"}");
            assertEquals(201, yesNo.statusCode(), yesNo.body());
        }
        HttpResponse<String> eleventh = api.sendJson("POST", questions, "{\"kind\":\"YES_NO\",\"textEn\":\"One more?\",\"textFr\":\"Encore ?\"}");
        assertEquals(400, eleventh.statusCode(), eleventh.body());
        assertEquals("A survey has at most 10 additional questions", Json.refusal(eleventh, "kind"));
        assertEquals(10, Json.array(api.get(questions)).size());

        // Another survey's question, an unknown survey or question: 404.
        String other = "api/surveys/" + CampaignApi.survey(api, run + "-other") + "/questions";
        assertEquals(404, api.sendJson("PUT", other + "/" + choiceId, "{\"textEn\":\"Mine?\"}").statusCode());
        assertEquals(404, api.sendJson("POST", other + "/" + choiceId + "/move?offset=1", "").statusCode());
        assertEquals(404, api.get("api/surveys/999999999/questions").statusCode());
        assertEquals(List.of("What should we improve first?"), Json.texts(Json.array(api.get(questions)), "", "textEn").stream()
                .filter(t -> t.startsWith("What should")).toList(), "unchanged");
    }

    @Test
    void badQuestionsAreRefusedFieldByFieldInEnglishAndFrenchAndNothingIsStored() {
        WebClient api = AudienceApi.marketer(base);
        String questions = "api/surveys/" + CampaignApi.survey(api, Deployments.unique("questions-bad")) + "/questions";
        String enums = "{\"kind\":\"essay\",\"scale\":\"1-7\",\"audience\":\"critics\",\"textEn\":\"Why?\",\"textFr\":\"Pourquoi ?\"}";

        HttpResponse<String> english = api.sendJson("POST", questions, enums);
        assertEquals(400, english.statusCode(), english.body());
        assertEquals(List.of("audience", "kind", "scale"), Json.refusedFields(english).stream().sorted().toList(), english.body());
        assertEquals("Unknown kind of question: essay", Json.refusal(english, "kind"));
        assertEquals("Unknown rating scale: 1-7 (1-5 or 0-10)", Json.refusal(english, "scale"));

        WebClient french = AudienceApi.marketer(base).withHeader("Accept-Language", "fr");
        HttpResponse<String> refused = french.sendJson("POST", questions, enums);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("audience", "kind", "scale"), Json.refusedFields(refused).stream().sorted().toList(), refused.body());
        assertTrue(Json.refusal(refused, "kind").startsWith("Type de question inconnu"), refused.body());

        // The rules of the service, all at once, in French too.
        HttpResponse<String> incomplete = french.sendJson("POST", questions,
                "{\"kind\":\"SINGLE_CHOICE\",\"textEn\":\" \",\"choices\":[{\"labelEn\":\"Only\",\"labelFr\":\"Seule\"}]}");
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        assertEquals(List.of("choices", "textEn", "textFr"), Json.refusedFields(incomplete).stream().sorted().toList(), incomplete.body());
        assertTrue(Json.refusal(incomplete, "choices").contains("au moins deux"), incomplete.body());
        HttpResponse<String> noTouchpoint = api.sendJson("POST", questions, "{\"kind\":\"TOUCHPOINT_RATING\",\"touchpointId\":999999999,"
                + "\"textEn\":\"How was it?\",\"textFr\":\"Comment \u00e9tait-ce ?\"}");
        assertEquals(400, noTouchpoint.statusCode(), noTouchpoint.body());
        assertEquals(List.of("touchpointId"), Json.refusedFields(noTouchpoint));
        HttpResponse<String> unnamedOption = api.sendJson("POST", questions, "{\"kind\":\"MULTIPLE_CHOICE\",\"textEn\":\"Which?\","
                + "\"textFr\":\"Lesquels ?\",\"choices\":[{\"labelEn\":\"A\",\"labelFr\":\"A\"},{\"labelEn\":\"B\"}]}");
        assertEquals("Option 2 needs a label in English and in French", Json.refusal(unnamedOption, "choices"));

        assertEquals(0, Json.array(api.get(questions)).size(), "nothing was stored");
    }

    @Test
    void touchpointsAreAddedWithACodeAndRenamedAndTheWhyQuestionDiffersByCategory() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("tp");
        HttpResponse<String> added = api.sendJson("POST", "api/touchpoints",
                "{\"labelEn\":\"After-sales " + run + "\",\"labelFr\":\"Apr\u00e8s-vente " + run + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        JsonObject touchpoint = Json.object(added);
        assertEquals("AFTER_SALES_" + run.toUpperCase(Locale.ROOT).replace('-', '_'), Json.string(touchpoint, "code"));
        assertFalse(Json.bool(touchpoint, "builtIn"));
        String id = AudienceApi.id(added);
        List<JsonObject> all = Json.objects(Json.array(api.get("api/touchpoints")), "");
        assertEquals(id, String.valueOf(Json.number(all.get(all.size() - 1), "id")), "after the others");

        HttpResponse<String> renamed = api.sendJson("PUT", "api/touchpoints/" + id,
                "{\"labelEn\":\"Repairs " + run + "\",\"labelFr\":\"R\u00e9parations " + run + "\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals(List.of("Repairs " + run, Json.string(touchpoint, "code")),
                List.of(Json.string(Json.object(renamed), "labelEn"), Json.string(Json.object(renamed), "code")), "the code stays");
        HttpResponse<String> blank = AudienceApi.marketer(base).withHeader("Accept-Language", "fr")
                .sendJson("PUT", "api/touchpoints/" + id, "{\"labelEn\":\"Repairs\",\"labelFr\":\" \"}");
        assertEquals(400, blank.statusCode(), blank.body());
        assertEquals("Le nom fran\u00e7ais du point de contact est obligatoire", Json.refusal(blank, "labelFr"));
        assertEquals(404, api.sendJson("PUT", "api/touchpoints/999999999", "{\"labelEn\":\"A\",\"labelFr\":\"B\"}").statusCode());

        // The why question per category, through the survey: set, read back, cleared by a blank, refused by name.
        String survey = "api/surveys/" + CampaignApi.survey(api, run);
        HttpResponse<String> why = api.sendJson("PUT", survey, "{\"texts\":{\"EN\":{\"followUpDetractor\":\"What went wrong?\","
                + "\"followUpPromoter\":\"What did you like?\"},\"FR\":{\"followUpDetractor\":\"Qu'est-ce qui n'a pas march\u00e9 ?\"}}}");
        assertEquals(200, why.statusCode(), why.body());
        JsonObject texts = Json.object(api.get(survey).body());
        assertEquals(List.of("What went wrong?", "What did you like?", "Qu'est-ce qui n'a pas march\u00e9 ?"),
                List.of(Json.string(texts, "texts.EN.followUpDetractor"), Json.string(texts, "texts.EN.followUpPromoter"),
                        Json.string(texts, "texts.FR.followUpDetractor")));
        assertEquals(200, api.sendJson("PUT", survey, "{\"texts\":{\"EN\":{\"followUpPromoter\":\"\"}}}").statusCode());
        JsonObject cleared = Json.object(api.get(survey).body());
        assertFalse(Json.has(cleared, "texts.EN.followUpPromoter") && !Json.isNull(cleared, "texts.EN.followUpPromoter"),
                "blank: the general question again");
        assertEquals("What went wrong?", Json.string(cleared, "texts.EN.followUpDetractor"), "left out: kept");
        HttpResponse<String> tooLong = AudienceApi.marketer(base).withHeader("Accept-Language", "fr")
                .sendJson("PUT", survey, "{\"texts\":{\"FR\":{\"followUpPassive\":\"" + "x".repeat(501) + "\"}}}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertEquals(List.of("texts.FR.followUpPassive"), Json.refusedFields(tooLong));
        assertTrue(Json.refusal(tooLong, "texts.FR.followUpPassive").contains("passifs"), tooLong.body());

        // Who edits surveys edits their questions and the touchpoints; nobody else.
        String questions = survey + "/questions";
        WebClient executive = AudienceApi.withKey(base, "EXECUTIVE");
        assertEquals(403, executive.get(questions).statusCode());
        assertEquals(403, executive.sendJson("POST", "api/touchpoints", "{\"labelEn\":\"X\",\"labelFr\":\"X\"}").statusCode());
        assertEquals(403, AudienceApi.withKey(base, "ADMIN").sendJson("POST", questions,
                "{\"kind\":\"YES_NO\",\"textEn\":\"A?\",\"textFr\":\"A ?\"}").statusCode());
        WebClient anonymous = new WebClient(base);
        assertEquals(401, anonymous.get(questions).statusCode());
        assertEquals(401, anonymous.get("api/touchpoints").statusCode());
        assertEquals(0, Json.array(api.get(questions)).size());
    }
}
