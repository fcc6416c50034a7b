package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The respondent's side of a real campaign sent to GreenMail: score links that store nothing on GET,
 * answers stored and changed by POST, bad and expired links, suspected scanners, unsubscribing.
 * The steps share one campaign and run in order; the last one exhausts the rate limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class RespondentIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String RUN = Deployments.unique("respond");
    private static final String[] PEOPLE = {"fr", "en", "late", "unsub", "stay"};
    /** The answer page's field as a script sending it untouched, 200 ms after it opened, fills it: a suspected bot. */
    private static final String SCRIPTED = "&interaction=0%3A200";
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, List<String>> LINKS = new HashMap<>();
    private static String surveyId;
    private static String listId;



    private static String email(String who) {
        return RUN + "-" + who + "@exemple.fr";
    }

    private void sendTheCampaign(WebClient api) throws InterruptedException {
        if (!TOKENS.isEmpty()) {
            return;
        }
        surveyId = CampaignApi.survey(api, RUN);
        HttpResponse<String> review = api.sendJson("PUT", "api/surveys/" + surveyId, "{\"reviewUrl\":\"https://reviews.example/acme\"}");
        assertEquals(200, review.statusCode(), review.body());
        listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + RUN + "\"}"));
        StringBuilder contacts = new StringBuilder();
        for (String who : PEOPLE) {
            contacts.append(contacts.length() == 0 ? "" : ",").append("{\"email\":\"").append(email(who))
                    .append("\",\"firstName\":\"").append(who.equals("fr") ? "Zoé" : "Sam").append("\",\"lastName\":\"Secret-Surname\",\"language\":\"")
                    .append(who.equals("fr") ? "FR" : "EN").append("\"}");
        }
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[" + contacts + "]}").statusCode());
        String campaign = CampaignApi.sendNow(api, RUN, surveyId, listId);
        assertEquals("DONE", CampaignApi.status(CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30))));
        for (MimeMessage message : Mailbox.to(SMTP, RUN)) {
            String who = Mailbox.recipient(message).substring(RUN.length() + 1, Mailbox.recipient(message).indexOf('@'));
            TOKENS.put(who, Respondents.token(message));
            LINKS.put(who, Respondents.scoreLinks(message));
        }
        assertEquals(PEOPLE.length, TOKENS.size());
    }

    @Test
    @Order(1)
    void aGetOnEachOfTheElevenLinksStoresNothingAndAPostStoresTheAnswerWhichCanChange() throws Exception {
        sendTheCampaign(AudienceApi.marketer(base));
        String token = TOKENS.get("fr");
        for (int score = 0; score <= 10; score++) {
            HttpResponse<String> page = Respondents.get(base, LINKS.get("fr").get(score), "en");
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("<html lang=\"fr\">"), "the contact's language, not the browser's");
            assertTrue(html.contains("id=\"score-" + score + "\" checked"), html);
            assertTrue(html.contains("Bonjour Zoé") && html.contains("recommandiez Acme"), html);
            assertTrue(html.contains("<textarea id=\"comment\" name=\"comment\""));
            assertFalse(html.contains("Secret-Surname") || html.contains(RUN), "nothing personal beyond the first name");
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        }
        assertNull(Respondents.response(token), "GETs store no answer");
        Map<String, Object> clicks = Respondents.invitation(token);
        assertEquals(10, ((Number) clicks.get("last_opened_score")).intValue());
        assertNotNull(clicks.get("first_opened_at"));
        assertNotNull(clicks.get("bot_suspicion"), "eleven links within seconds of sending: a scanner");

        // Sent as a scanner's script would: the page untouched, a fifth of a second after it opened. The changes
        // below are sent the same way, so that the flag stays whatever the time since sending.
        HttpResponse<String> posted = Respondents.post(base, "r/" + token, "score=9&comment=Tr%C3%A8s+bien&consent=yes" + SCRIPTED, "en");
        assertEquals(303, posted.statusCode(), posted.body());
        assertTrue(posted.headers().firstValue("Location").orElse("").endsWith(token + "/thanks"));
        Map<String, Object> answer = Respondents.response(token);
        assertEquals(9, ((Number) answer.get("score")).intValue());
        assertEquals("Très bien", answer.get("comment_text"));
        assertEquals(Boolean.TRUE, answer.get("contact_consent"));
        assertEquals(1L, ((Number) answer.get("changes")).longValue());
        assertEquals(Boolean.TRUE, answer.get("flagged"), "sent by a script, untouched, seconds after sending");
        assertNotNull(answer.get("flag_reason"));
        HttpResponse<String> thanks = Respondents.get(base, "r/" + token + "/thanks", "en");
        assertEquals(200, thanks.statusCode());
        assertTrue(thanks.body().contains("9 sur 10") && thanks.body().contains("https://reviews.example/acme"), thanks.body());
        assertTrue(thanks.body().contains(">Très bien</textarea>"));

        Thread.sleep(20);
        assertEquals(303, Respondents.post(base, "r/" + token, "score=4&comment=En+fait%2C+bof" + SCRIPTED, "en").statusCode());
        Map<String, Object> changed = Respondents.response(token);
        assertEquals(4, ((Number) changed.get("score")).intValue());
        assertEquals("En fait, bof", changed.get("comment_text"));
        assertEquals(Boolean.FALSE, changed.get("contact_consent"));
        assertEquals(2L, ((Number) changed.get("changes")).longValue(), "every change kept");
        assertTrue(((Instant) changed.get("updated_at")).isAfter((Instant) answer.get("updated_at")));
        assertFalse(Respondents.get(base, "r/" + token + "/thanks", "en").body().contains("reviews.example"), "not for detractors");
        assertEquals(303, Respondents.post(base, "r/" + token, "score=4&comment=En+fait%2C+bof" + SCRIPTED, "en").statusCode());
        assertEquals(2L, ((Number) Respondents.response(token).get("changes")).longValue(), "the same answer again changes nothing");

        assertEquals(400, Respondents.get(base, "r/" + token + "?score=11", "en").statusCode());
        assertEquals(400, Respondents.get(base, "r/" + token + "?score=-1", "en").statusCode());
        HttpResponse<String> eleven = Respondents.post(base, "r/" + token, "score=11", "fr");
        assertEquals(400, eleven.statusCode());
        assertTrue(eleven.body().contains("Note invalide"), eleven.body());
        assertEquals(400, Respondents.post(base, "r/" + token, "comment=no+score", "en").statusCode());
        assertEquals(4, ((Number) Respondents.response(token).get("score")).intValue(), "nothing stored by refused requests");
    }

    @Test
    @Order(2)
    void anAnswerAfterTheBotDelayIsNotFlagged() throws Exception {
        sendTheCampaign(AudienceApi.marketer(base));
        String token = TOKENS.get("en");
        Instant sent = (Instant) Respondents.invitation(token).get("sent_at");
        long wait = Duration.between(Instant.now(), sent.plusSeconds(6)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertEquals(303, Respondents.post(base, "r/" + token, "score=10", "en").statusCode());
        Map<String, Object> answer = Respondents.response(token);
        assertEquals(10, ((Number) answer.get("score")).intValue());
        assertEquals(Boolean.FALSE, answer.get("flagged"), String.valueOf(answer.get("flag_reason")));
        String thanks = Respondents.get(base, "r/" + token + "/thanks", "fr").body();
        assertTrue(thanks.contains("<html lang=\"en\">") && thanks.contains("10 out of 10") && thanks.contains("Leave a review"), thanks);
    }

    @Test
    @Order(3)
    void tamperedUnknownExpiredAndClosedLinksStoreNothing() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        sendTheCampaign(api);
        String token = TOKENS.get("late");
        String tampered = token.substring(0, 21) + (token.charAt(21) == 'A' ? 'B' : 'A');
        HttpResponse<String> unknown = Respondents.get(base, "r/" + tampered + "?score=8", "en");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("This link does not work"), unknown.body());
        HttpResponse<String> french = Respondents.get(base, "r/" + tampered + "?score=8", "fr-FR,fr;q=0.9");
        assertTrue(french.statusCode() == 404 && french.body().contains("Ce lien ne fonctionne pas"), french.body());
        assertEquals(404, Respondents.post(base, "r/" + tampered, "score=8", "en").statusCode());
        assertEquals(404, Respondents.get(base, "r/not-a-token", "en").statusCode());
        assertEquals(404, Respondents.get(base, "r/", "en").statusCode());

        // The link's lifetime (30 days) is over.
        Respondents.update("UPDATE invitation SET sent_at = sent_at - INTERVAL '31 days' WHERE token_hash = ?",
                org.npsloop.domain.campaign.InvitationToken.hashOf(token));
        HttpResponse<String> expired = Respondents.get(base, "r/" + token + "?score=8", "en");
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("This link has expired"), expired.body());
        assertEquals(410, Respondents.post(base, "r/" + token, "score=8", "en").statusCode());
        assertNull(Respondents.response(token), "nothing stored on an expired link");
        assertNull(Respondents.invitation(token).get("first_opened_at"), "not even the click");

        // The survey closes: the French answer can no longer change.
        HttpResponse<String> close = api.sendJson("PUT", "api/surveys/" + surveyId, "{\"closesAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(200, close.statusCode(), close.body());
        String fr = TOKENS.get("fr");
        HttpResponse<String> closed = Respondents.get(base, "r/" + fr + "?score=10", "en");
        assertEquals(410, closed.statusCode());
        assertTrue(closed.body().contains("Cette enquête est close") && closed.body().contains("<html lang=\"fr\">"), closed.body());
        assertEquals(410, Respondents.post(base, "r/" + fr, "score=10", "en").statusCode());
        assertEquals(4, ((Number) Respondents.response(fr).get("score")).intValue());
        assertEquals(410, Respondents.get(base, "r/" + fr + "/thanks", "en").statusCode());
    }

    @Test
    @Order(4)
    void oneClickUnsubscribeIsIdempotentAndHoldsForTheNextCampaign() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        sendTheCampaign(api);
        String token = TOKENS.get("unsub");
        HttpResponse<String> confirm = Respondents.get(base, "u/" + token, "en");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Do you want to stop receiving surveys from Acme?"), confirm.body());
        assertFalse(confirm.body().contains(RUN), "the address is not shown");
        assertEquals("ACTIVE", status("unsub"), "a GET (a scanner) unsubscribes nobody");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> oneClick = Respondents.post(base, "u/" + token, "List-Unsubscribe=One-Click", "en");
            assertEquals(200, oneClick.statusCode());
            assertTrue(oneClick.body().contains("You are unsubscribed"), oneClick.body());
        }
        assertEquals("UNSUBSCRIBED", status("unsub"));
        assertEquals(1, Respondents.rows("SELECT id FROM suppression WHERE email = ?", email("unsub")).size());
        assertTrue(Respondents.get(base, "u/" + token, "en").body().contains("You are unsubscribed"));
        assertEquals(404, Respondents.post(base, "u/" + token.substring(1) + "x", "List-Unsubscribe=One-Click", "en").statusCode());
        assertEquals("ACTIVE", status("stay"));

        // A next campaign (new survey, no fatigue interval) leaves the address out.
        String survey = CampaignApi.survey(api, RUN + "-next");
        String next = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + RUN + "-next\",\"surveyId\":"
                + survey + ",\"listId\":" + listId + ",\"fatigueDays\":0}"));
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + next + "/schedule", "").statusCode());
        CampaignApi.awaitStatus(api, next, "DONE", Duration.ofSeconds(30));
        String progress = CampaignApi.progress(api, next);
        assertEquals(List.of(4L, 1L), List.of(CampaignApi.number(progress, "sent"), Json.number(Json.object(progress), "excluded.UNSUBSCRIBED")),
                progress);
        assertEquals(1, Mailbox.to(SMTP, RUN).stream().filter(m -> Mailbox.recipient(m).equals(email("unsub"))).count());
        assertEquals(2, Mailbox.to(SMTP, RUN).stream().filter(m -> Mailbox.recipient(m).equals(email("stay"))).count());
    }

    @Test
    @Order(5)
    void thePublicPagesAreRateLimitedPerAddress() {
        // From an address of its own: the other tests on this application answer from 127.0.0.1.
        WebClient client = new WebClient(base).withHeader("X-Forwarded-For", WebClient.uniqueClientAddress());
        HttpResponse<String> last = null;
        for (int i = 0; i < 400 && (last == null || last.statusCode() != 429); i++) {
            last = client.get("r/unknown-token-" + i);
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.body().contains("Too many requests"), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, client.postForm("u/whatever-token-000000000", Map.of("List-Unsubscribe", "One-Click")).statusCode());
        assertEquals(404, Respondents.get(base, "r/unknown-token-0", "en").statusCode(), "other addresses are still served");
    }

    private static String status(String who) {
        return (String) Respondents.rows("SELECT status FROM contact WHERE email = ?", email(who)).get(0).get("status");
    }
}
