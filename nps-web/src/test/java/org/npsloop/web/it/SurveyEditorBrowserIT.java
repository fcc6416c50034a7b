package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * and the contact's first name in the sandboxed frame, then sends a test to the address of their account; then adds
 * questions after the score (a rating of a touchpoint added on the way, a multiple choice for detractors), sees the
 * field errors, moves one and removes the other, and words the "why" question for detractors.
 */
class SurveyEditorBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

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
    void questionsAfterTheScoreAreAddedWithATouchpointMovedAndRemoved() {
        browser.get(base + "campaigns/survey.xhtml?lang=en&id=" + surveyId);
        click(By.id("questions:add"));

        // Saved empty: each wording says it is required, beside its field.
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(field("textEn"), "The English wording of the question is required"));
        assertTrue(browser.findElement(field("textFr")).getText().contains("The French wording of the question is required"));

        // A touchpoint of our own, added from the dialog, is chosen for the rating at once.
        click(By.id("questions:manageTouchpoints"));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("touchpoints:newTouchpointEn")));
        assertEquals(List.of("built in"), browser.findElements(By.cssSelector("[id='touchpoints'] .tag")).stream()
                .map(WebElement::getText).distinct().toList());
        assertEquals(5, browser.findElements(By.cssSelector("[id='touchpoints'] .tag")).size(), "the five built-in ones are marked");
        String repairs = "Repairs " + run;
        browser.findElement(By.id("touchpoints:newTouchpointEn")).sendKeys(repairs);
        click(By.id("touchpoints:addTouchpoint"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("touchpoints"), "The French name of the touchpoint is required"));
        browser.findElement(By.id("touchpoints:newTouchpointFr")).sendKeys("R\u00e9parations " + run);
        click(By.id("touchpoints:addTouchpoint"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("touchpoints"), "Touchpoint added: " + repairs));
        click(By.id("touchpoints:closeTouchpoints"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:touchpoint_label"), repairs));

        browser.findElement(By.id("questions:textEn")).sendKeys("How were the repairs?");
        browser.findElement(By.id("questions:textFr")).sendKeys("Et les r\u00e9parations ?");
        click(By.xpath("//*[@id='questions:scale']//label[normalize-space(.)='0 to 10']"));
        click(By.cssSelector("[id='questions:required'] .ui-chkbox-box"));
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:questionMessages"), "Question saved: How were the repairs?"));
        assertEquals("How were the repairs? * | Rating of a touchpoint | " + repairs + " \u00b7 0 to 10 | Everyone", row(0));

        // A multiple choice for detractors: an option without its French label is refused, then completed.
        click(By.id("questions:add"));
        Browser.choose(browser, "questions:kind", "Multiple choice");
        browser.findElement(By.id("questions:textEn")).sendKeys("What should we improve first?");
        browser.findElement(By.id("questions:textFr")).sendKeys("Que devons-nous am\u00e9liorer d'abord ?");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("questions:choiceRows:0:choiceEn"))).sendKeys("Price");
        browser.findElement(By.id("questions:choiceRows:0:choiceFr")).sendKeys("Prix");
        browser.findElement(By.id("questions:choiceRows:1:choiceEn")).sendKeys("Delay");
        click(By.id("questions:addChoice"));
        browser.findElement(By.id("questions:choiceRows:2:choiceEn")).sendKeys("Support");
        browser.findElement(By.id("questions:choiceRows:2:choiceFr")).sendKeys("Assistance");
        Browser.choose(browser, "questions:audience", "Detractors (0-6)");
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:choices"), "Option 2 needs a label in English and in French"));
        browser.findElement(By.id("questions:choiceRows:1:choiceFr")).sendKeys("D\u00e9lai");
        click(By.id("questions:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:questionMessages"), "Question saved: What should"));
        assertEquals("What should we improve first? | Multiple choice | Price \u00b7 Delay \u00b7 Support | Detractors (0-6)", row(1));

        // Moved up, then the rating removed after the confirmation that its answers stay.
        click(By.id("questions:list:1:up"));
        Browser.waitFor(browser, driver -> row(0).startsWith("What should"));
        click(By.id("questions:list:1:remove"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-confirm-dialog"), "The answers already given stay in the reports"));
        click(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("questions:questionMessages"), "Question removed"));
        assertEquals(1, browser.findElements(By.cssSelector("[id='questions:list_data'] tr")).size());

        JsonObject stored = Json.objects(Json.array(AudienceApi.marketer(base).get("api/surveys/" + surveyId + "/questions")), "").get(0);
        assertEquals(List.of("MULTIPLE_CHOICE", "DETRACTORS", "[C1, C2, C3]", "[Prix, D\u00e9lai, Assistance]"),
                List.of(Json.string(stored, "kind"), Json.string(stored, "audience"), Json.texts(stored, "choices", "code").toString(),
                        Json.texts(stored, "choices", "labelFr").toString()));

        // The why question of detractors, in the survey's English texts.
        browser.findElement(By.id("survey:tabs:0:followUpDetractor")).sendKeys("What went wrong?");
        click(By.id("survey:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("survey:messages"), "saved"));
        assertEquals("What went wrong?", Json.string(Json.object(AudienceApi.marketer(base).get("api/surveys/" + surveyId)),
                "texts.EN.followUpDetractor"));
    }

    /** The block of a question form field with its message. */
    private static By field(String id) {
        return By.xpath("//*[@id='questions:" + id + "']/parent::div");
    }

    /** A row of the questions table, its cells but the number and the buttons joined by " | ". */
    private static String row(int index) {
        List<WebElement> cells = browser.findElements(By.cssSelector("[id='questions:list_data'] tr")).get(index).findElements(By.tagName("td"));
        return String.join(" | ", cells.subList(1, cells.size() - 1).stream().map(c -> Browser.plain(c.getText())).toList());
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
            return new WebDriverWait(browser, Duration.ofSeconds(15), Browser.POLL).until(condition);
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
