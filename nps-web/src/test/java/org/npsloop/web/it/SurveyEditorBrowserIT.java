package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A marketer changes a survey's English question, previews it with a contact and finds the new text
 * and the contact's first name in the sandboxed frame, then sends a test to the address of their account.
 */
class SurveyEditorBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String MARKETER_PASSWORD = "Chosen-pass-42";

    private static String run;
    private static String marketerEmail;
    private static String contactEmail;
    private static String surveyId;

    @Test
    @Order(1)
    void aMarketerAContactAndASurveyAreSetUp() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        run = Deployments.unique("editor");
        marketerEmail = run + "@acme.example";
        HttpResponse<String> created = admin.sendJson("POST", "api/users", "{\"username\":\"" + run + "\",\"email\":\""
                + marketerEmail + "\",\"roles\":[\"MARKETER\"],\"password\":\"Temporary-pass-1\"}");
        assertEquals(201, created.statusCode(), created.body());

        WebClient api = AudienceApi.marketer(base);
        contactEmail = run + "-contact@exemple.fr";
        HttpResponse<String> contact = api.sendJson("POST", "api/contacts", "{\"email\":\"" + contactEmail
                + "\",\"firstName\":\"Ophelia\",\"lastName\":\"Test\",\"language\":\"EN\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        HttpResponse<String> survey = api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}");
        assertEquals(201, survey.statusCode(), survey.body());
        surveyId = AudienceApi.id(survey);

        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("j_username")).sendKeys(run);
        browser.findElement(By.id("j_password")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.urlContains("/account/password.xhtml"));
        browser.findElement(By.id("passwordForm:current")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("passwordForm:newPassword")).sendKeys(MARKETER_PASSWORD);
        browser.findElement(By.id("passwordForm:confirmation")).sendKeys(MARKETER_PASSWORD);
        browser.findElement(By.id("passwordForm:submit")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("dashboard:contacts")));
    }

    @Test
    @Order(2)
    void theSurveyIsListedAndAnInvalidChangeIsRefusedField() {
        browser.get(base + "campaigns/surveys.xhtml?lang=en");
        assertEquals("Surveys", browser.findElement(By.tagName("h1")).getText());
        click(By.linkText(run));
        waitFor(ExpectedConditions.urlContains("survey.xhtml?id=" + surveyId));

        WebElement lifetime = browser.findElement(By.id("survey:linkLifetimeDays"));
        lifetime.clear();
        lifetime.sendKeys("400");
        click(By.id("survey:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("survey:messages"), "Nothing was saved"));
        assertTrue(browser.findElement(By.id("survey")).getText().contains("Links live between 1 and 365 days"));
    }

    @Test
    @Order(3)
    void theNewQuestionAppearsInThePreviewWithTheContactsName() {
        browser.get(base + "campaigns/survey.xhtml?lang=en&id=" + surveyId);
        assertEquals(marketerEmail, browser.findElement(By.id("preview:testAddress")).getAttribute("value"),
                "prefilled with the signed-in user's email");
        String question = "Would you recommend {company} to a colleague, " + run + "?";
        WebElement english = browser.findElement(By.id("survey:tabs:0:question"));
        english.clear();
        english.sendKeys(question);
        click(By.id("survey:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("survey:messages"), "saved"));

        click(By.xpath("//div[@id='preview:language']//div[contains(@class, 'ui-button')][normalize-space(.)='English']"));
        browser.findElement(By.id("preview:contact_input")).sendKeys(run + "-contact");
        click(By.cssSelector("[id='preview:contact_panel'] li[data-item-value='" + contactEmail + "']"));

        String expected = "Would you recommend Acme to a colleague, " + run + "?";
        waitFor(driver -> {
            String srcdoc = driver.findElement(By.id("preview-html")).getAttribute("srcdoc");
            return srcdoc != null && srcdoc.contains(expected) && srcdoc.contains("Hello Ophelia");
        });
        browser.switchTo().frame(browser.findElement(By.id("preview-html")));
        try {
            String shown = browser.findElement(By.tagName("body")).getText();
            assertTrue(shown.contains(expected), shown);
            assertTrue(shown.contains("Hello Ophelia,"), shown);
            assertTrue(shown.contains("Test message: these buttons do not record any answer."), shown);
            assertEquals(11, browser.findElements(By.cssSelector("a[href^='https://preview.invalid/r/']")).size());
        } finally {
            browser.switchTo().defaultContent();
        }
        assertTrue(browser.findElement(By.id("preview:subject")).getText().contains("Your opinion of Acme"));
    }

    @Test
    @Order(4)
    void aTestIsSentToTheSignedInUser() throws Exception {
        click(By.id("preview:sendTest"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("preview:testResult"), "Test sent to " + marketerEmail));
        String result = browser.findElement(By.id("preview:testResult")).getText();
        if (result.contains("SMTP")) {
            assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
            MimeMessage received = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> Mailbox.recipient(m).equals(marketerEmail)).findFirst().orElseThrow();
            assertEquals("[TEST] Your opinion of Acme", received.getSubject());
        } else {
            WebClient api = AudienceApi.marketer(base);
            String outbox = api.get("api/outbox").body();
            assertTrue(outbox.contains(marketerEmail) && outbox.contains("[TEST] Your opinion of Acme"), outbox);
        }

        // Without an address the test is not sent, and the field says why.
        browser.findElement(By.id("preview:testAddress")).clear();
        click(By.id("preview:sendTest"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("preview:testAddressField"), "Enter the address"));
    }

    @Test
    @Order(5)
    void questionsAfterTheScoreAreAddedRefusedByFieldMovedAndRemoved() {
        browser.get(base + "campaigns/survey.xhtml?lang=en&id=" + surveyId);
        assertEquals("No question after the score yet.", Browser.text(browser, By.cssSelector("[id='questions:list'] td")));

        // A rating of the delivery, 0-10; without its French wording it is refused on that field.
        click(By.id("questions:add"));
        Browser.choose(browser, "questions:touchpoint", "Delivery");
        click(By.cssSelector("label[for='questions:scale:1']"));
        browser.findElement(By.id("questions:textEn")).sendKeys("How was the delivery?");
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:editor"),
                "The French wording of the question is required"));
        browser.findElement(By.id("questions:textFr")).sendKeys("Et la livraison ?");
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:questionMessages"), "Question saved"));

        // A multiple choice for detractors, with a third option added on the way.
        click(By.id("questions:add"));
        Browser.choose(browser, "questions:kind", "Multiple choice");
        browser.findElement(By.id("questions:textEn")).sendKeys("What should we improve first?");
        browser.findElement(By.id("questions:textFr")).sendKeys("Que devons-nous améliorer d'abord ?");
        click(By.id("questions:addChoice"));
        String[][] options = {{"Price", "Prix"}, {"Delays", "Délais"}, {"Support", "Assistance"}};
        for (int i = 0; i < options.length; i++) {
            browser.findElement(By.id("questions:choiceRows:" + i + ":choiceEn")).sendKeys(options[i][0]);
            browser.findElement(By.id("questions:choiceRows:" + i + ":choiceFr")).sendKeys(options[i][1]);
        }
        Browser.choose(browser, "questions:audience", "Detractors (0-6)");
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:list"), "Price · Delays · Support"));
        String list = Browser.text(browser, By.id("questions:list"));
        assertTrue(list.contains("Delivery · 0 to 10") && list.contains("Detractors (0-6)"), list);
        assertTrue(list.indexOf("How was the delivery?") < list.indexOf("What should we improve first?"), list);

        // Moved up, the choice question comes first; removed, the rating is gone.
        click(By.id("questions:list:1:up"));
        waitFor(driver -> {
            String rows = driver.findElement(By.id("questions:list")).getText();
            return rows.indexOf("What should we improve first?") < rows.indexOf("How was the delivery?");
        });
        click(By.id("questions:list:1:remove"));
        click(By.cssSelector(".ui-confirmdialog-yes"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:questionMessages"), "Question removed"));
        assertTrue(!Browser.text(browser, By.id("questions:list")).contains("How was the delivery?"));
    }

    private static void click(By element) {
        waitForAjax();
        waitFor(ExpectedConditions.elementToBeClickable(element)).click();
        waitForAjax();
    }

    /** Until no PrimeFaces request is queued or running. */
    private static void waitForAjax() {
        waitFor(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0));"));
    }

    /** Waits, and on timeout shows where the browser is and what it sees. */
    private static <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + " on:\n" + browser.getPageSource(), e);
        }
    }

    static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in " + text);
        return m.group(1);
    }
}
