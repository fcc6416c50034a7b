package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A one-off campaign goes through the whole pipeline to a real SMTP server (GreenMail on the port the
 * app was configured with): planned with its exclusions, claimed, rendered, sent, marked.
 */
class CampaignDispatchIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();



    @Test
    void aOneOffCampaignReachesExactlyTheReachableMembersOnceAndRespectsFatigue() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("camp");
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        StringBuilder contacts = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            contacts.append(i == 1 ? "" : ",").append("{\"email\":\"").append(run).append('-').append(i)
                    .append("@exemple.fr\",\"firstName\":\"P").append(i).append("\",\"language\":\"").append(i % 2 == 0 ? "EN" : "FR").append("\"}");
        }
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[" + contacts + "]}").statusCode());
        api.sendJson("POST", "api/suppressions", "{\"email\":\"" + run + "-5@exemple.fr\",\"reason\":\"UNSUBSCRIBED\"}");
        HttpResponse<String> survey = api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\","
                + "\"senderEmail\":\"nps@acme.example\",\"senderName\":\"Acme\",\"postalAddress\":\"1 rue de la Paix, Paris\"}");
        assertEquals(201, survey.statusCode(), survey.body());

        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + AudienceApi.id(survey) + ",\"listId\":" + listId + "}"));
        String before = api.get("api/campaigns/" + campaign + "/audience-preview").body();
        assertEquals(List.of(4L, 1L), List.of(Json.number(Json.object(before), "invited"),
                Json.number(Json.object(before), "excluded.UNSUBSCRIBED")), "counted before launching: " + before);
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        String status = CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30));
        HttpResponse<String> tooLate = api.sendJson("PUT", "api/campaigns/" + campaign, "{\"name\":\"renamed\",\"surveyId\":"
                + AudienceApi.id(survey) + ",\"listId\":" + listId + "}");
        assertEquals(400, tooLate.statusCode(), "only a draft changes: " + tooLate.body());
        String recipients = api.get("api/campaigns/" + campaign + "/recipients?status=SENT&search=" + run + "-2").body();
        assertEquals(1, Json.number(Json.object(recipients), "total"), recipients);
        assertEquals(List.of(run + "-2@exemple.fr"), Json.texts(Json.object(recipients), "rows", "email"), recipients);
        assertEquals("SENT", Json.string(Json.object(recipients), "rows.0.status"), recipients);
        assertEquals("DONE", CampaignApi.status(status), status);

        String progress = api.get("api/campaigns/" + campaign + "/progress").body();
        assertEquals(List.of(4L, 4L, 0L, 0L, 1L), List.of(CampaignApi.number(progress, "recipients"), CampaignApi.number(progress, "sent"),
                CampaignApi.number(progress, "pending"), CampaignApi.number(progress, "failed"),
                Json.number(Json.object(progress), "excluded.UNSUBSCRIBED")), progress);

        List<MimeMessage> received = Mailbox.to(SMTP, run);
        assertEquals(Set.of(run + "-1@exemple.fr", run + "-2@exemple.fr", run + "-3@exemple.fr", run + "-4@exemple.fr"),
                received.stream().map(Mailbox::recipient).collect(Collectors.toSet()));
        // Each Message-ID is the message's own reference @ the sender's domain: random (from the token), so never
        // reused after a database reset, and it leads back to the invitation whose token the unsubscribe link carries.
        Set<String> messageIds = new java.util.HashSet<>();
        for (MimeMessage message : received) {
            String messageId = message.getMessageID();
            assertTrue(messageId.matches("<[a-z2-7]{52}@acme\\.example>"), messageId);
            messageIds.add(messageId);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("/u/([A-Za-z0-9_-]+)>")
                    .matcher(message.getHeader("List-Unsubscribe", null));
            assertTrue(token.find());
            assertEquals(org.npsloop.domain.deliverability.MailReference.ofTokenHash(
                    org.npsloop.domain.campaign.InvitationToken.hashOf(token.group(1))),
                    org.npsloop.domain.deliverability.MailReference.inMessageId(messageId).orElseThrow());
        }
        assertEquals(4, messageIds.size(), "one Message-ID per message");
        // Signed with DKIM (the shared app's NPS_MAIL_DKIM_*): what arrived over SMTP verifies with the public key,
        // so the bytes signed are the bytes Angus Mail sent.
        java.security.PublicKey dkim = DkimVerifier.publicKeyOf(DkimVerifier.TEST_KEY);
        for (MimeMessage message : received) {
            String arrived = DkimVerifier.wire(message);
            assertEquals("acme.example", DkimVerifier.tags(arrived).get("d"));
            assertEquals("pass", DkimVerifier.verify(arrived, dkim), arrived);
        }
        MimeMessage french = received.stream().filter(m -> Mailbox.recipient(m).startsWith(run + "-1@")).findFirst().orElseThrow();
        assertEquals("Votre avis sur Acme", french.getSubject());
        assertTrue(french.getHeader("List-Unsubscribe", null).contains("/u/"));
        assertEquals("List-Unsubscribe=One-Click", french.getHeader("List-Unsubscribe-Post", null));
        Multipart alternatives = (Multipart) french.getContent();
        assertTrue(alternatives.getContentType().startsWith("multipart/alternative"), alternatives.getContentType());
        assertTrue(alternatives.getBodyPart(0).isMimeType("text/plain") && alternatives.getBodyPart(1).isMimeType("text/html"));
        String text = (String) alternatives.getBodyPart(0).getContent();
        assertTrue(text.contains("/r/") && text.contains("?score=10") && text.contains("/u/"), text);
        String html = (String) alternatives.getBodyPart(1).getContent();
        Set<Integer> scores = new TreeSet<>();
        Matcher links = Pattern.compile("/r/[A-Za-z0-9_-]{22}\\?score=(\\d+)").matcher(html);
        while (links.find()) {
            scores.add(Integer.parseInt(links.group(1)));
        }
        assertEquals(11, scores.size(), html);
        assertTrue(html.contains("Bonjour P1"));

        // The same list again at once: everyone was just surveyed, so the 90-day interval leaves them out.
        String again = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "-again\",\"surveyId\":"
                + AudienceApi.id(survey) + ",\"listId\":" + listId + "}"));
        api.sendJson("POST", "api/campaigns/" + again + "/schedule", "");
        CampaignApi.awaitStatus(api, again, "DONE", Duration.ofSeconds(30));
        String second = api.get("api/campaigns/" + again + "/progress").body();
        assertEquals(List.of(0L, 4L), List.of(CampaignApi.number(second, "recipients"), Json.number(Json.object(second), "excluded.FATIGUE")),
                second);
        assertEquals(4, Mailbox.to(SMTP, run).size());
    }

    @Test
    void aCampaignOnASegmentReachesExactlyItsReachableMembers() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("segcamp");
        String gold = "GOLD-" + run;
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"contacts\":["
                + contact(run + "-gold1", gold) + "," + contact(run + "-gold2", gold) + "," + contact(run + "-gold3", gold) + ","
                + contact(run + "-silver1", "SILVER-" + run) + "," + contact(run + "-none", null) + "]}").statusCode());
        api.sendJson("POST", "api/suppressions", "{\"email\":\"" + run + "-gold3@exemple.fr\",\"reason\":\"BOUNCED\"}");
        HttpResponse<String> segment = api.sendJson("POST", "api/segments", "{\"name\":\"" + run + "\",\"rule\":"
                + "{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"EQUALS\",\"values\":[\"" + gold + "\"]}}");
        assertEquals(201, segment.statusCode(), segment.body());
        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + CampaignApi.survey(api, run) + ",\"segmentId\":" + AudienceApi.id(segment) + "}"));
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30));

        assertEquals(Set.of(run + "-gold1@exemple.fr", run + "-gold2@exemple.fr"),
                Mailbox.to(SMTP, run).stream().map(Mailbox::recipient).collect(Collectors.toSet()));
        String progress = CampaignApi.progress(api, campaign);
        assertEquals(List.of(2L, 2L, 1L), List.of(CampaignApi.number(progress, "recipients"), CampaignApi.number(progress, "sent"),
                Json.number(Json.object(progress), "excluded.BOUNCED")), progress);
    }

    private static String contact(String name, String plan) {
        return "{\"email\":\"" + name + "@exemple.fr\"" + (plan == null ? "" : ",\"attributes\":{\"plan\":\"" + plan + "\"}") + "}";
    }

    @Test
    void badCampaignSettingsAreRefusedFieldByField() {
        WebClient api = AudienceApi.marketer(base);
        String survey = CampaignApi.survey(api, Deployments.unique("settings"));
        HttpResponse<String> kind = api.sendJson("POST", "api/campaigns", "{\"name\":\"x\",\"surveyId\":" + survey
                + ",\"kind\":\"SOMETIMES\"}");
        assertEquals(400, kind.statusCode());
        assertEquals(List.of("kind"), Json.refusedFields(kind), kind.body());
        HttpResponse<String> journey = api.sendJson("POST", "api/campaigns", "{\"name\":\"x\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerDelayDays\":7,\"windowFromHour\":18,\"windowToHour\":9,"
                + "\"timeZone\":\"Mars/Olympus\",\"reminders\":9}");
        assertEquals(400, journey.statusCode());
        assertTrue(Json.refusedFields(journey).containsAll(List.of("triggerEvent", "window", "timeZone")), journey.body());
        String draft = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"no audience yet\",\"surveyId\":"
                + survey + "}"));
        HttpResponse<String> schedule = api.sendJson("POST", "api/campaigns/" + draft + "/schedule", "");
        assertEquals(400, schedule.statusCode());
        assertEquals("Choose a list or a segment first", Json.refusal(schedule, "status"), schedule.body());
        assertEquals(404, api.get("api/campaigns/999999999/recipients").statusCode());
    }

}
