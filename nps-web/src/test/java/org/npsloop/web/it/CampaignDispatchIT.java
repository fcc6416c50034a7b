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
        assertTrue(before.contains("\"invited\":4") && before.contains("\"UNSUBSCRIBED\":1"), "counted before launching: " + before);
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        String status = CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30));
        HttpResponse<String> tooLate = api.sendJson("PUT", "api/campaigns/" + campaign, "{\"name\":\"renamed\",\"surveyId\":"
                + AudienceApi.id(survey) + ",\"listId\":" + listId + "}");
        assertEquals(400, tooLate.statusCode(), "only a draft changes: " + tooLate.body());
        String recipients = api.get("api/campaigns/" + campaign + "/recipients?status=SENT&search=" + run + "-2").body();
        assertTrue(recipients.contains("\"total\":1") && recipients.contains(run + "-2@exemple.fr"), recipients);
        assertTrue(status.contains("\"status\":\"DONE\""), status);

        String progress = api.get("api/campaigns/" + campaign + "/progress").body();
        assertTrue(progress.contains("\"recipients\":4") && progress.contains("\"sent\":4") && progress.contains("\"pending\":0"), progress);
        assertTrue(progress.contains("\"UNSUBSCRIBED\":1"), progress);

        List<MimeMessage> received = Mailbox.to(SMTP, run);
        assertEquals(Set.of(run + "-1@exemple.fr", run + "-2@exemple.fr", run + "-3@exemple.fr", run + "-4@exemple.fr"),
                received.stream().map(Mailbox::recipient).collect(Collectors.toSet()));
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
        assertTrue(second.contains("\"recipients\":0") && second.contains("\"FATIGUE\":4"), second);
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
        assertTrue(progress.contains("\"sent\":2") && progress.contains("\"BOUNCED\":1"), progress);
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
        assertTrue(kind.body().contains("\"field\":\"kind\""), kind.body());
        HttpResponse<String> journey = api.sendJson("POST", "api/campaigns", "{\"name\":\"x\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerDelayDays\":7,\"windowFromHour\":18,\"windowToHour\":9,"
                + "\"timeZone\":\"Mars/Olympus\",\"reminders\":9}");
        assertEquals(400, journey.statusCode());
        for (String field : new String[] {"triggerEvent", "window", "timeZone"}) {
            assertTrue(journey.body().contains("\"field\":\"" + field + "\""), field + " in " + journey.body());
        }
        String draft = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"no audience yet\",\"surveyId\":"
                + survey + "}"));
        HttpResponse<String> schedule = api.sendJson("POST", "api/campaigns/" + draft + "/schedule", "");
        assertEquals(400, schedule.statusCode());
        assertTrue(schedule.body().contains("Choose a list or a segment first"), schedule.body());
        assertEquals(404, api.get("api/campaigns/999999999/recipients").statusCode());
    }

}
