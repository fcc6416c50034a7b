package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The additional questions on the respondent pages of a real campaign sent to GreenMail, as a browser without
 * JavaScript sends them: the score first and alone, then the questions of its category on the thank-you page, their
 * answers stored with their history, a refused one sent back (400) with the score kept, and the answers a new
 * category is not asked cleared.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class RespondentQuestionsIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String RUN = Deployments.unique("respq");

    @Test
    void theQuestionsOfTheScoreAreAskedAfterItAndStoredWithTheirHistoryUntilTheSurveyCloses() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String surveyId = CampaignApi.survey(api, RUN);
        long survey = Long.parseLong(surveyId);
        Respondents.update("UPDATE survey_text SET follow_up_detractor = 'What went wrong?', follow_up_promoter = 'What did you like?'"
                + " WHERE survey_id = ?", survey);
        long improve = Respondents.question(survey, 1, "SINGLE_CHOICE", "DETRACTORS", false, "What should we improve first?", null, null,
                "Price", "Delay");
        long delivery = Respondents.question(survey, 2, "TOUCHPOINT_RATING", "EVERYONE", true, "How was the delivery?", "ONE_TO_FIVE", 4L);
        long value = Respondents.question(survey, 3, "SHORT_TEXT", "PROMOTERS", false, "What do you value most?", null, null);
        String list = CampaignApi.listOf(api, RUN, List.of(RUN + "-q@exemple.fr"));
        CampaignApi.awaitStatus(api, CampaignApi.sendNow(api, RUN, surveyId, list), "DONE", Duration.ofSeconds(30));
        List<String> links = Respondents.scoreLinks(Mailbox.to(SMTP, RUN).get(0));
        String token = links.get(0).substring(2, links.get(0).indexOf('?'));
        String d = "q" + improve, r = "q" + delivery, p = "q" + value;

        // The score link: every question on the page for its script, hidden and disabled; nothing stored.
        HttpResponse<String> opened = Respondents.get(base, links.get(3), "en");
        assertEquals(200, opened.statusCode());
        for (String field : List.of(d, r, p)) {
            assertTrue(fieldset(opened.body(), field).endsWith(" hidden disabled>"), fieldset(opened.body(), field));
        }
        assertTrue(opened.body().contains(">What went wrong?</span>"), "the why of a detractor");
        assertNull(Respondents.response(token), "a GET stores nothing");

        // Without JavaScript the answer page sends the score alone; the thank-you page asks what a 3 is asked. Sent
        // past the bot window, so that no flag comes and goes between the steps.
        Respondents.pastTheBotWindow(token);
        assertEquals(303, Respondents.post(base, "r/" + token, "score=3", "en").statusCode());
        String thanks = Respondents.get(base, "r/" + token + "/thanks", "en").body();
        assertFalse(fieldset(thanks, d).contains("hidden"), thanks);
        assertFalse(fieldset(thanks, r).contains("hidden"), "asked of everyone");
        assertTrue(fieldset(thanks, p).endsWith(" hidden disabled>"), "not asked of a detractor");
        assertTrue(thanks.contains("What should we improve first?") && thanks.contains("Send my answers"), thanks);
        assertEquals(Map.of(), Respondents.answers(token));

        String answered = "score=3&asked=" + improve + "&" + d + "=C2&asked=" + delivery + "&" + r + "=4";
        assertEquals(303, Respondents.post(base, "r/" + token, answered, "en").statusCode());
        assertEquals(Map.of(improve, "C2", delivery, "4"), Respondents.answers(token));
        assertEquals(List.of(improve + "=C2", delivery + "=4"), Respondents.answerChanges(token));
        assertTrue(Respondents.get(base, "r/" + token + "/thanks", "en").body().contains("value=\"C2\" id=\"" + d + "-1\" checked"),
                "the stored answer, to change");
        Instant before = (Instant) Respondents.response(token).get("updated_at");
        Thread.sleep(20);

        assertEquals(303, Respondents.post(base, "r/" + token, answered.replace("=C2", "=C1"), "en").statusCode());
        assertEquals(Map.of(improve, "C1", delivery, "4"), Respondents.answers(token));
        assertEquals(List.of(improve + "=C2", delivery + "=4", improve + "=C1"), Respondents.answerChanges(token), "a change adds a row");
        assertTrue(((Instant) Respondents.response(token).get("updated_at")).isAfter(before), "what the webhook watches moves");
        assertEquals(1L, ((Number) Respondents.response(token).get("changes")).longValue(), "the score did not change");

        // The required rating left empty: refused with its reason on it, the new score stored all the same.
        HttpResponse<String> refused = Respondents.post(base, "r/" + token, "score=5&asked=" + improve + "&" + d + "=C2&asked=" + delivery, "en");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<p class=\"error\" id=\"" + r + "-error\">This question needs an answer</p>"), refused.body());
        assertTrue(fieldset(refused.body(), r).contains("aria-invalid=\"true\" aria-describedby=\"" + r + "-error " + r + "-ends\""),
                fieldset(refused.body(), r));
        assertTrue(refused.body().contains("value=\"C2\" id=\"" + d + "-1\" checked"), "what was typed is kept");
        assertTrue(refused.body().contains("5 out of 10") && refused.body().contains("action=\"" + token + "\""), refused.body());
        assertEquals(5, ((Number) Respondents.response(token).get("score")).intValue(), "the score is stored first, alone");
        assertEquals(Map.of(improve, "C1", delivery, "4"), Respondents.answers(token), "none of the answers sent with it");

        // A promoter now: the detractors' question is cleared (in the history too), the promoters' one asked.
        assertEquals(303, Respondents.post(base, "r/" + token, "score=10&asked=" + delivery + "&" + r + "=5&asked=" + value + "&" + p
                + "=Fast+%3Cpeople%3E", "en").statusCode());
        Map<Long, String> promoter = Respondents.answers(token);
        assertNull(promoter.get(improve), promoter.toString());
        assertEquals("5", promoter.get(delivery));
        assertEquals("Fast <people>", promoter.get(value));
        assertTrue(Respondents.answerChanges(token).contains(improve + "=null"), Respondents.answerChanges(token).toString());
        String promoterThanks = Respondents.get(base, "r/" + token + "/thanks", "en").body();
        assertTrue(fieldset(promoterThanks, d).endsWith(" hidden disabled>") && !fieldset(promoterThanks, p).contains("hidden"), promoterThanks);
        assertTrue(promoterThanks.contains("value=\"Fast &lt;people&gt;\"") && promoterThanks.contains(">What did you like?</span>"));

        // Closed: nothing changes any more.
        int history = Respondents.answerChanges(token).size();
        HttpResponse<String> close = api.sendJson("PUT", "api/surveys/" + surveyId, "{\"closesAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(200, close.statusCode(), close.body());
        assertEquals(410, Respondents.post(base, "r/" + token, "score=10&asked=" + delivery + "&" + r + "=1", "en").statusCode());
        assertEquals("5", Respondents.answers(token).get(delivery));
        assertEquals(history, Respondents.answerChanges(token).size());
    }

    /** The opening tag of a question's fieldset on a page. */
    private static String fieldset(String html, String field) {
        Matcher m = Pattern.compile("<fieldset class=\"question\" id=\"" + field + "-set\"[^>]*>").matcher(html);
        assertTrue(m.find(), field + " on the page: " + html);
        return m.group();
    }
}
