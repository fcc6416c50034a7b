package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A respondent in headless Chromium opens a score link from an email that GreenMail received: with
 * JavaScript the answer is sent by itself after a moment; without it, the visible button sends it.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class RespondentBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String RUN = Deployments.unique("respbrowser");
    private static List<MimeMessage> received;
    /** The survey's additional questions: one for detractors, one for promoters, both optional. */
    private static long improve;
    private static long value;

    private List<String> linksOf(String who) throws InterruptedException {
        if (received == null) {
            WebClient api = AudienceApi.marketer(base);
            String survey = CampaignApi.survey(api, RUN);
            long id = Long.parseLong(survey);
            improve = Respondents.question(id, 1, "SINGLE_CHOICE", "DETRACTORS", false, "What should we improve first?", null, null,
                    "Price", "Delay");
            value = Respondents.question(id, 2, "SHORT_TEXT", "PROMOTERS", false, "What do you value most?", null, null);
            Respondents.update("UPDATE survey_text SET follow_up_detractor = 'What went wrong?', follow_up_promoter = 'What did you like?'"
                    + " WHERE survey_id = ?", id);
            String list = CampaignApi.listOf(api, RUN, List.of(RUN + "-js@exemple.fr", RUN + "-nojs@exemple.fr", RUN + "-bot@exemple.fr",
                    RUN + "-more@exemple.fr"));
            String campaign = CampaignApi.sendNow(api, RUN, survey, list);
            CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30));
            received = Mailbox.to(SMTP, RUN);
            assertEquals(4, received.size());
        }
        MimeMessage message = received.stream().filter(m -> Mailbox.recipient(m).startsWith(RUN + "-" + who + "@"))
                .findFirst().orElseThrow();
        return Respondents.scoreLinks(message);
    }

    @Test
    @Order(1)
    void withJavaScriptTheClickedScoreIsSentByItselfThenACommentCanBeAdded() throws Exception {
        String link = linksOf("js").get(7);
        String token = link.substring(2, link.indexOf('?'));
        browser.manage().window().setSize(new Dimension(360, 740));
        browser.get(base + link);
        assertTrue(browser.findElement(By.id("score-7")).isSelected());
        Browser.waitFor(browser, ExpectedConditions.urlContains("/thanks"));
        assertTrue(browser.findElement(By.id("recorded")).getText().contains("7 out of 10"), browser.getPageSource());
        assertEquals(7, ((Number) Respondents.response(token).get("score")).intValue());
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at 360 px");

        // By keyboard: from 7, the arrow key moves to 8; then a comment, and the button. Past the bot window of
        // sending, this touched sending counts, whatever the first one was.
        Respondents.pastTheBotWindow(token);
        browser.executeScript("document.getElementById('score-7').focus();");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        assertTrue(browser.findElement(By.id("score-8")).isSelected());
        browser.findElement(By.id("comment")).sendKeys("Fast delivery");
        browser.findElement(By.id("send")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("recorded"), "8 out of 10"));
        Map<String, Object> answer = Respondents.response(token);
        assertEquals(8, ((Number) answer.get("score")).intValue());
        assertEquals("Fast delivery", answer.get("comment_text"));
        assertEquals(2L, ((Number) answer.get("changes")).longValue());
        assertEquals(Boolean.FALSE, answer.get("flagged"), String.valueOf(answer.get("flag_reason")));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(2)
    void withoutJavaScriptNothingIsSentUntilTheButtonIsPressed() throws Exception {
        String link = linksOf("nojs").get(3);
        String token = link.substring(2, link.indexOf('?'));
        ChromeDriver noScript = Browser.start(false);
        try {
            noScript.get(base + link);
            assertTrue(noScript.findElement(By.id("score-3")).isSelected());
            assertTrue(noScript.getPageSource().contains("Send my answer"));
            assertFalse(noScript.findElement(By.id("q" + improve + "-set")).isDisplayed(), "the page as short as ever");
            Thread.sleep(2500); // longer than the automatic send would wait
            assertFalse(noScript.getCurrentUrl().contains("/thanks"));
            assertNull(Respondents.response(token), "a page without script stores nothing by itself");
            Respondents.pastTheBotWindow(token);
            noScript.findElement(By.id("send")).click();
            Browser.waitFor(noScript, ExpectedConditions.urlContains("/thanks"));
            assertTrue(noScript.findElement(By.id("recorded")).getText().contains("3 out of 10"));
            Map<String, Object> answer = Respondents.response(token);
            assertEquals(3, ((Number) answer.get("score")).intValue());
            assertEquals(Boolean.FALSE, answer.get("flagged"), "the button, a person's act: " + answer.get("flag_reason"));

            // The score stored, the thank-you page asks what a detractor is asked, and sends it.
            assertTrue(noScript.findElement(By.id("q" + improve + "-set")).isDisplayed());
            assertFalse(noScript.findElement(By.id("q" + value + "-set")).isDisplayed());
            noScript.findElement(By.cssSelector("label[for='q" + improve + "-1']")).click();
            WebElement send = noScript.findElement(By.id("send"));
            assertEquals("Send my answers", send.getText());
            send.click();
            Browser.waitFor(noScript, ExpectedConditions.stalenessOf(send));
            assertEquals(Map.of(improve, "C2"), Respondents.answers(token));
        } finally {
            noScript.quit();
        }
    }

    @Test
    @Order(3)
    void aScriptSendingThePageUntouchedAtOnceIsFlaggedUntilThePersonSendsIt() throws Exception {
        String link = linksOf("bot").get(2);
        String token = link.substring(2, link.indexOf('?'));
        Respondents.pastTheBotWindow(token);
        browser.get(base + link);
        // What a scanner that runs the page's script does: submit the form at once, nothing touched.
        browser.executeScript("document.getElementById('answer').submit();");
        Browser.waitFor(browser, ExpectedConditions.urlContains("/thanks"));
        Map<String, Object> scripted = Respondents.response(token);
        assertEquals(Boolean.TRUE, scripted.get("flagged"));
        assertTrue(String.valueOf(scripted.get("flag_reason")).startsWith("sent by a script "), String.valueOf(scripted.get("flag_reason")));

        // The person presses the button of the thank-you page: touched, theirs, counted.
        WebElement send = browser.findElement(By.id("send"));
        send.click();
        Browser.waitFor(browser, ExpectedConditions.stalenessOf(send));
        Map<String, Object> confirmed = Respondents.response(token);
        assertEquals(Boolean.FALSE, confirmed.get("flagged"), String.valueOf(confirmed.get("flag_reason")));
        assertEquals(2, ((Number) confirmed.get("score")).intValue());
    }

    @Test
    @Order(4)
    void withJavaScriptChoosingAScoreShowsItsQuestionsAndWhyOnTheSamePageAndSendsThem() throws Exception {
        String link = linksOf("more").get(0);
        String token = link.substring(2, link.indexOf('?'));
        Respondents.pastTheBotWindow(token);
        browser.manage().window().setSize(new Dimension(360, 740));
        try {
            browser.get(base + "r/" + token); // the link without a score: nothing is sent by itself
            WebElement improveSet = browser.findElement(By.id("q" + improve + "-set"));
            WebElement valueSet = browser.findElement(By.id("q" + value + "-set"));
            assertFalse(improveSet.isDisplayed() || valueSet.isDisplayed(), "no score, no question of a category");

            browser.findElement(By.xpath("//input[@id='score-9']/..")).click();
            assertTrue(valueSet.isDisplayed() && !improveSet.isDisplayed());
            assertEquals("What did you like?", browser.findElement(By.id("why")).getText());
            browser.findElement(By.id("q" + value)).sendKeys("Not sent: a 9 no more");

            browser.findElement(By.xpath("//input[@id='score-2']/..")).click();
            assertTrue(improveSet.isDisplayed() && !valueSet.isDisplayed(), "the questions follow the score");
            assertEquals("What went wrong?", browser.findElement(By.id("why")).getText());
            browser.findElement(By.cssSelector("label[for='q" + improve + "-0']")).click();
            Object overflow = browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at 360 px");
            browser.findElement(By.id("send")).click();
            Browser.waitFor(browser, ExpectedConditions.urlContains("/thanks"));
            assertEquals(2, ((Number) Respondents.response(token).get("score")).intValue());
            assertEquals(Map.of(improve, "C1"), Respondents.answers(token), "the hidden question's text was not sent");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
