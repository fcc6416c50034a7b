package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Surveys through the API: a change refused field by field, the preview with a real contact's data,
 * and a test message that reaches the SMTP server (GreenMail) marked [TEST], or the development
 * outbox when no SMTP server is configured (the embedded-database run).
 */
class SurveyApiIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final Pattern SCORE_LINK = Pattern.compile("href=\"(https://preview\\.invalid/r/[^\"?]+)\\?score=(\\d+)\"");



    @Test
    void aSurveyIsChangedPreviewedWithAContactAndSentAsATest() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("survey");
        HttpResponse<String> created = api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}");
        assertEquals(201, created.statusCode(), created.body());
        String survey = "api/surveys/" + AudienceApi.id(created);
        String email = run + "@exemple.fr";
        HttpResponse<String> contact = api.sendJson("POST", "api/contacts",
                "{\"email\":\"" + email + "\",\"firstName\":\"Zo\u00e9\",\"language\":\"FR\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        String contactId = AudienceApi.id(contact);

        // Refused as a whole, each bad field named; nothing changes.
        HttpResponse<String> refused = api.sendJson("PUT", survey, "{\"brandColour\":\"blue\",\"logoUrl\":\"http://acme.example/l.png\","
                + "\"linkLifetimeDays\":400,\"senderEmail\":\"nps@\",\"closesAt\":\"tomorrow\",\"brandName\":\"Changed\","
                + "\"texts\":{\"EN\":{\"question\":\" \"}}}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("brandColour", "closesAt", "linkLifetimeDays", "logoUrl", "senderEmail", "texts.EN.question"),
                Json.refusedFields(refused).stream().sorted().toList(), "each bad field, brandName not: " + refused.body());
        assertEquals("Acme", Json.string(Json.object(api.get(survey).body()), "brandName"), "nothing was stored");

        HttpResponse<String> updated = api.sendJson("PUT", survey, "{\"brandColour\":\"#ff6600\",\"logoUrl\":\"https://acme.example/logo.png\","
                + "\"linkLifetimeDays\":45,\"senderEmail\":\"nps@acme.example\",\"senderName\":\"Acme NPS\",\"closesAt\":\"2031-01-31T23:00:00Z\","
                + "\"texts\":{\"FR\":{\"question\":\"Recommanderiez-vous {company} \u00e0 un proche ?\",\"consentQuestion\":\"\"}}}");
        assertEquals(200, updated.statusCode(), updated.body());
        String detail = api.get(survey).body();
        JsonObject stored = Json.object(detail);
        assertEquals(List.of("#FF6600", "2031-01-31T23:00:00Z", "Recommanderiez-vous {company} \u00e0 un proche ?"),
                List.of(Json.string(stored, "brandColour"), Json.string(stored, "closesAt"), Json.string(stored, "texts.FR.question")), detail);
        assertEquals(45, Json.number(stored, "linkLifetimeDays"), detail);

        // The preview: the contact's first name, in their language, with 11 dummy score buttons.
        HttpResponse<String> preview = api.get(survey + "/preview?contactId=" + contactId);
        assertEquals(200, preview.statusCode(), preview.body());
        JsonObject mail = Json.object(preview);
        assertEquals("FR", Json.string(mail, "language"), preview.body());
        String previewHtml = Json.string(mail, "html");
        assertTrue(previewHtml.contains("Bonjour Zo\u00e9") && Json.string(mail, "text").contains("Bonjour Zo\u00e9"), preview.body());
        assertTrue(previewHtml.contains("Recommanderiez-vous Acme \u00e0 un proche ?"), preview.body());
        assertEquals(11, scoreButtons(previewHtml), preview.body());
        HttpResponse<String> english = api.get(survey + "/preview?contactId=" + contactId + "&language=EN");
        JsonObject englishMail = Json.object(english);
        assertEquals("EN", Json.string(englishMail, "language"), english.body());
        assertTrue(Json.string(englishMail, "html").contains("Hello Zo\u00e9")
                && Json.string(englishMail, "html").contains("How likely are you to recommend Acme"), english.body());
        HttpResponse<String> html = api.get(survey + "/preview.html?contactId=" + contactId);
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"), html.headers().toString());
        assertEquals(11, scoreButtons(html.body()));
        HttpResponse<String> unknownContact = api.get(survey + "/preview?contactId=999999999");
        assertEquals(400, unknownContact.statusCode());
        assertEquals(List.of("contactId"), Json.refusedFields(unknownContact), unknownContact.body());
        assertEquals(404, api.get("api/surveys/999999999/preview").statusCode());

        // A test message: no invitation, [TEST] in the subject, through the configured transport.
        HttpResponse<String> badAddress = api.sendJson("POST", survey + "/test", "{\"to\":\"me@\"}");
        assertEquals(400, badAddress.statusCode(), badAddress.body());
        assertEquals(List.of("to"), Json.refusedFields(badAddress), badAddress.body());
        String me = run + "-me@acme.example";
        HttpResponse<String> sent = api.sendJson("POST", survey + "/test",
                "{\"to\":\"" + me + "\",\"contactId\":" + contactId + "}");
        assertEquals(200, sent.statusCode(), sent.body());
        JsonObject test = Json.object(sent);
        assertEquals(List.of(me, "[TEST] Votre avis sur Acme", "FR"), List.of(Json.string(test, "recipient"), Json.string(test, "subject"),
                Json.string(test, "language")), sent.body());
        if (Json.string(test, "transport").startsWith("SMTP")) {
            assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
            MimeMessage received = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> Mailbox.recipient(m).equals(me)).findFirst().orElseThrow();
            assertEquals("[TEST] Votre avis sur Acme", received.getSubject());
            assertTrue(received.getFrom()[0].toString().contains("nps@acme.example"), received.getFrom()[0].toString());
            assertEquals(null, received.getHeader("List-Unsubscribe"));
            String body = (String) ((Multipart) received.getContent()).getBodyPart(1).getContent();
            assertTrue(body.contains("Bonjour Zo\u00e9"), body);
            assertEquals(11, scoreButtons(body));
        } else {
            String outbox = api.get("api/outbox").body();
            assertTrue(outbox.contains(me) && outbox.contains("[TEST] Votre avis sur Acme"), outbox);
        }
    }

    /** Counts distinct scores 0-10 whose links lead to the dummy host. */
    private static int scoreButtons(String html) {
        Matcher m = SCORE_LINK.matcher(html);
        java.util.Set<Integer> scores = new java.util.TreeSet<>();
        while (m.find()) {
            scores.add(Integer.parseInt(m.group(2)));
        }
        return scores.size();
    }

}
