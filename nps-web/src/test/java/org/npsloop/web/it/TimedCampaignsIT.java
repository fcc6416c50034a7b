package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey-triggered and recurring campaigns against the real dispatcher, database and SMTP server,
 * with the application's clock replaced by one the test sets (days pass in a second). The methods run
 * in order because the clock only moves forward.
 */
@Tag(OwnProcessesSuiteIT.TAG)
@Tag(OwnDeploymentLast.TAG)
@Order(1) // the clock only moves forward: this class's years (2030) come first
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimedCampaignsIT {

    /** The runs of this class: their answers, given under the test clock years ahead, are dated back afterwards. */
    private static final List<String> RUNS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void dateTheAnswersBack() {
        // Left dated years ahead, they would carry the webhook's scan position there (see Webhooks).
        RUNS.forEach(run -> Webhooks.undateResponsesOf(run + "-"));
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail(ClockApplication.SMTP_PORT);

    private URL base;

    /** The application with the test clock, shared with the other class that needs one. */
    @BeforeEach
    void findTheApplication() {
        base = ClockApplication.base();
    }

    @Test
    @Order(1)
    void aJourneyCampaignSurveysSevenDaysAfterTheEventOnlyInItsWindowThenRemindsNonRespondersOnce() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("journey");
        RUNS.add(run);
        // An event type of its own, so that journey campaigns left by earlier runs on this database ignore it.
        String moment = "ONBOARDING_" + run.substring(run.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT);
        setClock("2030-01-02T10:00:00Z"); // a Wednesday
        bulk(api, run, "a", "b", "c");
        String survey = survey(api, run);
        String campaign = AudienceApi.id(created(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run
                + "\",\"kind\":\"JOURNEY\",\"surveyId\":" + survey + ",\"triggerEvent\":\"" + moment
                + "\",\"triggerDelayDays\":7,\"timeZone\":\"Europe/Paris\",\"windowFromHour\":9,\"windowToHour\":17,"
                + "\"windowDays\":\"MON,TUE,WED,THU,FRI\",\"reminders\":1,\"reminderAfterDays\":3}")));
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        waitFor(() -> "SENDING".equals(CampaignApi.status(api.get("api/campaigns/" + campaign).body())), "journey campaign active");

        event(api, run + "-a@exemple.fr", moment, "2030-01-02T09:30:00Z"); // due Wednesday 9 January, 10:30 in Paris
        event(api, run + "-b@exemple.fr", moment, "2030-01-04T20:00:00Z"); // due Friday 11 January, 21:00 in Paris
        event(api, run + "-c@exemple.fr", moment, "2030-01-02T09:30:00Z"); // like A, but C will answer

        setClock("2030-01-08T10:00:00Z");
        Thread.sleep(1500);
        assertEquals(List.of(), received(run), "six days after: not yet");

        setClock("2030-01-09T10:00:00Z");
        waitFor(() -> received(run).size() == 2, "the invitations seven days after the event");
        assertEquals(List.of(run + "-a@exemple.fr", run + "-c@exemple.fr"), received(run));
        MimeMessage toC = Mailbox.to(SMTP, run + "-c@").get(0);
        // Half an hour later: sooner, the answer would be flagged as a mail scanner's, which spares nobody a reminder.
        setClock("2030-01-09T10:30:00Z");
        assertEquals(303, Respondents.post(base, "r/" + Respondents.token(toC), "score=9", "fr").statusCode(), "C answers");

        setClock("2030-01-11T21:00:00Z"); // B is due, but Friday 22:00 in Paris is outside the window
        waitFor(() -> CampaignApi.number(progress(api, campaign), "pending") == 1, "B planned for the next opening");
        Thread.sleep(1000);
        assertEquals(List.of(run + "-a@exemple.fr", run + "-c@exemple.fr"), received(run),
                "nothing goes out at night or at the weekend");

        setClock("2030-01-14T08:30:00Z"); // Monday 9:30 in Paris: B's invitation, A's reminder (5 days, no answer), none for C
        waitFor(() -> received(run).size() == 4, "B's invitation and A's reminder");
        assertEquals(List.of(run + "-a@exemple.fr", run + "-a@exemple.fr", run + "-b@exemple.fr", run + "-c@exemple.fr"),
                received(run), "no reminder to C, who answered");
        String progress = progress(api, campaign);
        assertEquals(List.of(4L, 4L, 1L), List.of(CampaignApi.number(progress, "recipients"), CampaignApi.number(progress, "sent"),
                CampaignApi.number(progress, "responses")), progress);
        // Half an hour later (sooner, the answer would be flagged as a mail scanner's and not count in the
        // response rate), A answers the reminder, then changes its mind through the first mail: still one
        // answer, the latest.
        setClock("2030-01-14T09:00:00Z");
        List<MimeMessage> toA = Mailbox.to(SMTP, run + "-a@");
        String first = Respondents.token(toA.stream().filter(m -> !isReminder(Mailbox.subject(m))).findFirst().orElseThrow());
        String reminder = Respondents.token(toA.stream().filter(m -> isReminder(Mailbox.subject(m))).findFirst().orElseThrow());
        assertEquals(303, Respondents.post(base, "r/" + reminder, "score=4", "fr").statusCode());
        assertEquals(303, Respondents.post(base, "r/" + first, "score=6", "fr").statusCode());
        assertEquals(6, ((Number) Respondents.response(reminder).get("score")).intValue(), "the first mail changed A's answer");
        assertEquals(2L, ((Number) Respondents.response(reminder).get("changes")).longValue());
        assertNull(Respondents.response(first), "no second response through the first mail's link");
        assertEquals(null, Respondents.invitation(reminder).get("answered_at"), "answers are noted on the first invitation");
        assertTrue(Respondents.invitation(first).get("answered_at") != null, "A counts as having answered, for the response rate");
        progress = progress(api, campaign);
        assertEquals(2, CampaignApi.number(progress, "responses"), progress);

        setClock("2030-01-18T10:00:00Z"); // Friday: B's reminder is due; A has had its only one
        waitFor(() -> received(run).size() == 5, "B's reminder");
        Thread.sleep(1000);
        assertEquals(List.of(run + "-a@exemple.fr", run + "-a@exemple.fr", run + "-b@exemple.fr", run + "-b@exemple.fr",
                run + "-c@exemple.fr"), received(run), "one reminder to each non-responder, none to C");
        assertEquals(2, Mailbox.to(SMTP, run).stream().map(Mailbox::subject).filter(TimedCampaignsIT::isReminder).count(),
                "the reminders say so in their subject");
        api.sendJson("POST", "api/campaigns/" + campaign + "/cancel", "");
    }

    @Test
    @Order(2)
    void aRecurringCampaignSurveysItsListAgainEveryWeek() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("weekly");
        RUNS.add(run);
        setClock("2030-02-04T09:00:00Z");
        String list = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + list + ",\"contacts\":[{\"email\":\""
                + run + "-c@exemple.fr\"}]}").statusCode());
        String campaign = AudienceApi.id(created(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run
                + "\",\"kind\":\"RECURRING\",\"surveyId\":" + survey(api, run) + ",\"listId\":" + list
                + ",\"repeatEvery\":1,\"repeatUnit\":\"WEEKS\",\"fatigueDays\":0,\"reminders\":0}")));
        api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "");
        waitFor(() -> received(run).size() == 1, "the first wave");
        waitFor(() -> "SCHEDULED".equals(CampaignApi.status(api.get("api/campaigns/" + campaign).body())), "waiting for wave 2");
        String waiting = api.get("api/campaigns/" + campaign).body();
        assertTrue(Json.string(Json.object(waiting), "scheduledAt").startsWith("2030-02-11T09:00:00Z"), waiting);
        assertEquals(1, CampaignApi.number(waiting, "waves"), waiting);

        setClock("2030-02-11T09:00:30Z");
        waitFor(() -> received(run).size() == 2, "the second wave a week later");
        waitFor(() -> CampaignApi.number(api.get("api/campaigns/" + campaign).body(), "waves") == 2, "two waves");
        api.sendJson("POST", "api/campaigns/" + campaign + "/cancel", "");
    }

    /**
     * Issue 12, point 10: a mail gateway opens every score link of every invitation the second they arrive; the
     * people behind it answer minutes later and count, in the NPS and the response rate. Only what happens at an
     * answer can flag it: a script sending the page untouched within a second of opening it is flagged, until
     * the person sends their own answer.
     */
    @Test
    @Order(3)
    void aScannerBurstRightAfterSendingLeavesThePeopleWhoAnswerMinutesLaterCounted() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("scanner");
        RUNS.add(run);
        setClock("2030-03-04T10:00:00Z");
        List<String> people = List.of("real", "script", "silent1", "silent2", "silent3");
        String list = CampaignApi.listOf(api, run, people.stream().map(who -> run + "-" + who + "@exemple.fr").toList());
        String campaign = CampaignApi.sendNow(api, run, survey(api, run), list);
        assertEquals("DONE", CampaignApi.status(CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30))));
        Map<String, List<String>> links = new HashMap<>();
        for (MimeMessage message : Mailbox.to(SMTP, run)) {
            String to = Mailbox.recipient(message);
            links.put(to.substring(run.length() + 1, to.indexOf('@')), Respondents.scoreLinks(message));
        }
        assertEquals(people.size(), links.size());
        for (List<String> eleven : links.values()) {
            for (String link : eleven) {
                assertEquals(200, Respondents.get(base, link, "en").statusCode(), link);
            }
        }
        String real = token(links.get("real"));
        String script = token(links.get("script"));
        assertTrue(Respondents.invitation(real).get("bot_suspicion") != null, "the scanner's clicks are flagged, on the invitation");
        assertNull(Respondents.response(real), "and they stored no answer");

        // Two minutes later, a person clicks 9 in the mail: the page sends it by itself after 1.5 s, untouched.
        setClock("2030-03-04T10:02:00Z");
        HttpResponse<String> page = Respondents.get(base, links.get("real").get(9), "en");
        assertTrue(page.body().contains("form.submit()") && page.body().contains("name=\"interaction\""), page.body());
        assertEquals(303, Respondents.post(base, "r/" + real, "score=9&interaction=0%3A1503", "en").statusCode());
        Map<String, Object> answer = Respondents.response(real);
        assertEquals(Boolean.FALSE, answer.get("flagged"), String.valueOf(answer.get("flag_reason")));
        assertTrue(Respondents.invitation(real).get("answered_at") != null, "counted in the response rate");
        // A script sends another page untouched a tenth of a second after it opened: a machine, flagged.
        assertEquals(303, Respondents.post(base, "r/" + script, "score=0&interaction=0%3A100", "en").statusCode());
        Map<String, Object> scripted = Respondents.response(script);
        assertEquals(Boolean.TRUE, scripted.get("flagged"));
        assertEquals("sent by a script 100 ms after the page opened, untouched", scripted.get("flag_reason"));
        assertNull(Respondents.invitation(script).get("answered_at"));
        // The scanner coming back to the person's page changes nothing.
        assertEquals(303, Respondents.post(base, "r/" + real, "score=0&interaction=0%3A80", "en").statusCode());
        assertEquals(9, ((Number) Respondents.response(real).get("score")).intValue(), "the person's answer stands");

        String day = "api/reports/dashboard?from=2030-03-04&to=2030-03-04&campaign=" + campaign;
        Map<String, Object> dashboard = json(api.get(day));
        assertFigures(dashboard, 1, 1, 0, 20.0, 100.0);
        assertFigures(json(api.get(day + "&includeFlagged=true")), 2, 1, 1, 20.0, 0.0);
        assertEquals("true", exportedFlag(api, campaign, run + "-script@"), "the export marks the suspected answer");
        assertEquals("false", exportedFlag(api, campaign, run + "-real@"));

        // Five minutes later the person behind that address opens their score link (the same 0) and sends it by
        // hand: theirs from then on, counted.
        setClock("2030-03-04T10:07:00Z");
        HttpResponse<String> again = Respondents.get(base, links.get("script").get(0), "en");
        assertTrue(again.body().contains("form.submit()"), "a suspected answer is sent again by the person's own click");
        assertEquals(303, Respondents.post(base, "r/" + script, "score=0&interaction=1%3A4200", "en").statusCode());
        Map<String, Object> confirmed = Respondents.response(script);
        assertEquals(Boolean.FALSE, confirmed.get("flagged"));
        assertNull(confirmed.get("flag_reason"));
        assertEquals(2L, ((Number) confirmed.get("changes")).longValue(), "the unflagging is a change (webhook, history)");
        assertEquals(java.time.Instant.parse("2030-03-04T10:07:00Z"), confirmed.get("updated_at"));
        assertEquals(java.time.Instant.parse("2030-03-04T10:07:00Z"), Respondents.invitation(script).get("answered_at"));
        assertFigures(json(api.get(day)), 2, 1, 1, 40.0, 0.0);
        assertEquals("false", exportedFlag(api, campaign, run + "-script@"));
        assertEquals(0L, ((Number) json(api.get("api/responses?campaignId=" + campaign + "&flagged=only")).get("total")).longValue(),
                "no suspected answer left in the inbox");
    }

    private static String token(List<String> links) {
        return links.get(0).substring(2, links.get(0).indexOf('?'));
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.map(response.body());
    }

    /** The "flagged" column (the last) of the exported answer of this address, suspected answers included. */
    private static String exportedFlag(WebClient api, String campaign, String address) {
        HttpResponse<String> csv = api.get("api/responses/export.csv?from=2030-03-04&to=2030-03-04&includeFlagged=true&campaign=" + campaign);
        assertEquals(200, csv.statusCode(), csv.body());
        String line = csv.body().lines().filter(l -> l.contains(address)).findFirst().orElseThrow(() -> new AssertionError(csv.body()));
        return line.substring(line.lastIndexOf(';') + 1).strip();
    }

    @SuppressWarnings("unchecked")
    private static void assertFigures(Map<String, Object> dashboard, long responses, long promoters, long detractors,
            double ratePercent, double nps) {
        Map<String, Object> figures = (Map<String, Object>) dashboard.get("nps");
        Map<String, Object> rate = (Map<String, Object>) dashboard.get("responseRate");
        String where = dashboard.toString();
        assertEquals(responses, ((Number) figures.get("responses")).longValue(), where);
        assertEquals(promoters, ((Number) figures.get("promoters")).longValue(), where);
        assertEquals(detractors, ((Number) figures.get("detractors")).longValue(), where);
        assertEquals(nps, ((Number) figures.get("nps")).doubleValue(), 1e-9, where);
        assertEquals(5L, ((Number) rate.get("invited")).longValue(), where);
        assertEquals(ratePercent, ((Number) rate.get("percent")).doubleValue(), 1e-9, where);
    }

    private void setClock(String instant) {
        HttpResponse<String> set = new WebClient(base).send("PUT", "api/test-clock", "text/plain",
                instant.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, set.statusCode(), set.body());
    }

    private static void bulk(WebClient api, String run, String... names) {
        StringBuilder contacts = new StringBuilder();
        for (String name : names) {
            contacts.append(contacts.length() == 0 ? "" : ",").append("{\"email\":\"").append(run).append('-').append(name)
                    .append("@exemple.fr\",\"firstName\":\"").append(name).append("\"}");
        }
        HttpResponse<String> done = api.sendJson("POST", "api/contacts/bulk", "{\"contacts\":[" + contacts + "]}");
        assertEquals(200, done.statusCode(), done.body());
    }

    private static String survey(WebClient api, String run) {
        return AudienceApi.id(created(api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}")));
    }

    private static void event(WebClient api, String email, String type, String occurredAt) {
        HttpResponse<String> recorded = api.sendJson("POST", "api/events", "{\"email\":\"" + email + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + occurredAt + "\"}");
        assertEquals(201, recorded.statusCode(), recorded.body());
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response;
    }

    private static String progress(WebClient api, String campaign) {
        return api.get("api/campaigns/" + campaign + "/progress").body();
    }

    /** Recipients of this run's messages, sorted. */
    private static List<String> received(String run) {
        return Mailbox.to(SMTP, run).stream().map(Mailbox::recipient).sorted().toList();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private static boolean isReminder(String subject) {
        return subject.startsWith("Rappel :") || subject.startsWith("Reminder:");
    }
}
