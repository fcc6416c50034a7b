package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Not a test but the pictures of README's "The first hour": a marketer's first pages, with a little data, saved as
 * PNG files. Runs only when asked, best on an empty database ({@code -Dit.db.url=...}):
 * {@code ./mvnw -pl nps-web -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FirstHourWalkthroughBrowserIT -Dfailsafe.failIfNoSpecifiedTests=false -Dwalkthrough.dir=$PWD/docs/first-hour}.
 */
@EnabledIfSystemProperty(named = "walkthrough.dir", matches = ".+")
class FirstHourWalkthroughBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final int[] SCORES = {10, 9, 9, 10, 8, 7, 9, 3, 10, 6, 9, 8, 10, 2, 9, 10};
    private static final String[] COMMENTS = {"Very quick delivery, thank you", "Friendly staff on the phone",
        "The invoice was wrong twice", "Good product, support could answer faster", "Great onboarding session"};

    @Test
    void aMarketersFirstHourInPictures() throws Exception {
        Path folder = Path.of(System.getProperty("walkthrough.dir"));
        Files.createDirectories(folder);
        String run = Deployments.unique("walk");
        // On an empty database (a fresh one for these pictures), the home page as a new marketer first sees it.
        signInAsNewUser(run + "-marketer", "MARKETER", "EXECUTIVE");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        shoot(folder, "01-home.png", "index.xhtml?lang=en");
        WebClient api = AudienceApi.marketer(base);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < SCORES.length; i++) {
            emails.add(run + "-" + i + "@acme.example");
        }
        String list = CampaignApi.listOf(api, "Customers " + run.substring(run.length() - 4), emails);
        String survey = CampaignApi.survey(api, "Customer NPS " + run.substring(run.length() - 4));
        String campaign = CampaignApi.sendNow(api, "Spring survey " + run.substring(run.length() - 4), survey, list);
        CampaignApi.awaitStatus(api, campaign, "DONE", java.time.Duration.ofSeconds(60));
        Thread.sleep(6_000); // past the bot window of sending: these are people answering
        // Ten people answer by email, through the score link of their invitation; the others were called over the past weeks.
        List<jakarta.mail.internet.MimeMessage> invitations = Mailbox.to(SMTP, run);
        int byEmail = Math.min(10, invitations.size());
        for (int i = 0; i < byEmail; i++) {
            String token = Respondents.token(invitations.get(i));
            assertEquals(303, Respondents.post(base, "r/" + token, "score=" + SCORES[i] + "&comment="
                    + java.net.URLEncoder.encode(COMMENTS[i % COMMENTS.length], java.nio.charset.StandardCharsets.UTF_8), "en").statusCode());
        }
        List<String> answered = invitations.subList(0, byEmail).stream().map(Mailbox::recipient).toList();
        Instant now = Instant.now();
        for (int i = 0; i < SCORES.length; i++) {
            if (answered.contains(emails.get(i))) {
                continue;
            }
            HttpResponse<String> answer = api.sendJson("POST", "api/responses", "{\"email\":\"" + emails.get(i) + "\",\"score\":"
                    + SCORES[i] + ",\"comment\":\"" + COMMENTS[i % COMMENTS.length] + "\",\"channel\":\"PHONE\",\"respondedAt\":\""
                    + now.minus(i * 3L, ChronoUnit.DAYS).minus(i, ChronoUnit.HOURS) + "\",\"campaignId\":" + campaign + "}");
            assertEquals(201, answer.statusCode(), answer.body());
        }
        String draft = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"7 days after onboarding\",\"surveyId\":"
                + survey + ",\"listId\":" + list + "}"));

        shoot(folder, "02-import.png", "audience/import.xhtml?lang=en");
        shoot(folder, "03-survey.png", "campaigns/survey.xhtml?id=" + survey + "&lang=en");
        shoot(folder, "04-campaign-form.png", "campaigns/campaign.xhtml?id=" + draft + "&lang=en");
        shoot(folder, "05-campaign-live.png", "campaigns/campaign.xhtml?id=" + campaign + "&lang=en");
        shoot(folder, "06-responses.png", "responses/index.xhtml?lang=en");
        shoot(folder, "07-reports.png", "reports/index.xhtml?lang=en");
        browser.manage().window().setSize(new Dimension(1440, 1500));
        shoot(folder, "08-accueil-fr.png", "index.xhtml?lang=fr");
    }

    private void shoot(Path folder, String file, String page) throws IOException, InterruptedException {
        browser.get(base + page);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        Thread.sleep(1500); // charts animate in
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
