package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A marketer builds a segment in the browser and sees the live count follow each condition, then
 * saves it and opens it again. The contacts carry a plan value unique to the run, since the
 * PostgreSQL test database keeps the contacts of earlier runs.
 */
class SegmentEditorBrowserIT extends BrowserTestBase {

    private static final String MARKETER_PASSWORD = "Chosen-pass-42";
    /** Five contacts on the plan: three French (one unsubscribed), two English. */
    private static final String ALL_FIVE = "5 contacts match, 4 can be surveyed";
    private static final String FRENCH_ONLY = "3 contacts match, 2 can be surveyed";

    private static String plan;
    private static final List<String> frenchEmails = new ArrayList<>();
    private static final List<String> englishEmails = new ArrayList<>();
    private static String marketer;
    private static String segmentName;
    private static String segmentId;

    @Test
    @Order(1)
    void contactsAndAMarketerAreSetUpThroughTheApi() {
        WebClient admin = new WebClient(base);
        assertFalse(admin.login(Deployments.adminUsername(), Deployments.adminPassword()).contains("failed"));
        HttpResponse<String> key = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique("segments") + "\",\"role\":\"MARKETER\"}");
        assertEquals(201, key.statusCode(), key.body());
        WebClient api = new WebClient(base).withHeader("Authorization", "Bearer " + match("\"secret\":\"([^\"]+)\"", key.body()));

        plan = Deployments.unique("gold");
        frenchEmails.clear();
        englishEmails.clear();
        String[] languages = {"FR", "FR", "FR", "EN", "EN"};
        for (int i = 0; i < languages.length; i++) {
            String email = Deployments.unique("segment" + i) + "@exemple.fr";
            (languages[i].equals("FR") ? frenchEmails : englishEmails).add(email);
            createContact(api, email, languages[i], plan);
        }
        createContact(api, Deployments.unique("decoy") + "@exemple.fr", "FR", plan + "-silver");
        HttpResponse<String> unsubscribed = api.sendJson("POST", "api/suppressions",
                "{\"email\":\"" + frenchEmails.get(0) + "\",\"reason\":\"UNSUBSCRIBED\"}");
        assertEquals(201, unsubscribed.statusCode(), unsubscribed.body());

        // The admin is not a marketer: a new marketer signs in and replaces the temporary password.
        marketer = Deployments.unique("segmenter");
        HttpResponse<String> created = admin.sendJson("POST", "api/users",
                "{\"username\":\"" + marketer + "\",\"roles\":[\"MARKETER\"],\"password\":\"Temporary-pass-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("j_username")).sendKeys(marketer);
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
    void theCountFollowsEachConditionAndTheSegmentIsSaved() {
        browser.get(base + "audience/segments.xhtml?lang=en");
        assertEquals("Segments", browser.findElement(By.tagName("h1")).getText());

        click("segment:addRow");
        choose("segment:rows:0:kind", "Custom attribute");
        choose("segment:rows:0:attribute", "plan (Text)");
        choose("segment:rows:0:operator", "equals");
        browser.findElement(By.id("segment:rows:0:values")).sendKeys(plan);
        waitForText("segment:count", ALL_FIVE);

        click("segment:addRow");
        choose("segment:rows:1:kind", "Contact field");
        choose("segment:rows:1:field", "Language (EN or FR)");
        choose("segment:rows:1:operator", "equals");
        // Incomplete: the row says why, and the count stays that of the last valid rule.
        waitForText("segment:rows:1:error", "EQUALS needs one value");
        assertEquals(ALL_FIVE, text("segment:count"));

        browser.findElement(By.id("segment:rows:1:values")).sendKeys("fr");
        waitForText("segment:count", FRENCH_ONLY);
        String sample = text("segment:sample");
        frenchEmails.forEach(email -> assertTrue(sample.contains(email), sample));
        englishEmails.forEach(email -> assertFalse(sample.contains(email), sample));
        assertTrue(sample.contains("Unsubscribed"), sample);

        segmentName = "Gold in French " + plan;
        browser.findElement(By.id("segment:name")).sendKeys(segmentName);
        browser.findElement(By.id("segment:description")).sendKeys("French speakers on the gold plan");
        click("segment:save");
        waitFor(ExpectedConditions.urlMatches("[?&]id=\\d+"));
        segmentId = match("[?&]id=(\\d+)", browser.getCurrentUrl());
        waitForText("segment:messages", "created");
    }

    @Test
    @Order(3)
    void theSavedSegmentOpensWithTheSameCount() {
        browser.get(base + "audience/segments.xhtml?id=" + segmentId);
        waitForText("segment:count", FRENCH_ONLY);
        assertEquals(segmentName, browser.findElement(By.id("segment:name")).getAttribute("value"));
        assertEquals(plan, browser.findElement(By.id("segment:rows:0:values")).getAttribute("value"));
        assertEquals("FR", browser.findElement(By.id("segment:rows:1:values")).getAttribute("value"));
        assertTrue(text("saved:table").contains(segmentName));

        click("segment:advanced");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("segment:json")));
        String json = browser.findElement(By.id("segment:json")).getAttribute("value");
        assertTrue(json.contains("\"LANGUAGE\"") && json.contains(plan), json);

        WebClient api = new WebClient(base);
        api.login(marketer, MARKETER_PASSWORD);
        String export = "api/segments/" + segmentId + "/export";
        assertEquals(1, browser.findElements(By.cssSelector("#saved a[href$='/" + export + "']")).size());
        String csv = api.get(export).body();
        frenchEmails.forEach(email -> assertTrue(csv.contains(email), csv));
        englishEmails.forEach(email -> assertFalse(csv.contains(email), csv));
    }

    @Test
    @Order(4)
    void aSecondSegmentCannotTakeTheSameName() {
        browser.get(base + "audience/segments.xhtml");
        browser.findElement(By.id("segment:name")).sendKeys(segmentName);
        click("segment:save");
        waitForText("segment:nameMessage", "already exists");
        assertFalse(browser.getCurrentUrl().contains("id="), browser.getCurrentUrl());
    }

    @Test
    @Order(5)
    void unknownSegmentsAreNotFoundAndDeletedOnesLeaveTheList() {
        WebClient marketerSession = new WebClient(base);
        marketerSession.login(marketer, MARKETER_PASSWORD);
        assertEquals(404, marketerSession.get("audience/segments.xhtml?id=999999999").statusCode());

        browser.get(base + "audience/segments.xhtml?lang=en");
        click(By.xpath("//a[contains(@href, 'id=" + segmentId + "')]/ancestor::tr//button[contains(@id, ':delete')]"));
        click(By.cssSelector(".ui-confirmdialog-yes"));
        waitForText("segment:messages", "deleted");
        assertFalse(text("saved:table").contains(segmentName));
        assertEquals(404, marketerSession.get("audience/segments.xhtml?id=" + segmentId).statusCode());
    }

    private static void createContact(WebClient api, String email, String language, String planValue) {
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + email
                + "\",\"firstName\":\"Client\",\"lastName\":\"" + language + "\",\"language\":\"" + language
                + "\",\"attributes\":{\"plan\":\"" + planValue + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
    }

    private static void click(String id) {
        click(By.id(id));
    }

    private static void click(By element) {
        waitForAjax();
        waitFor(ExpectedConditions.elementToBeClickable(element)).click();
        waitForAjax();
    }

    /** Picks an option of a PrimeFaces select menu as a user does: open it, click the option. */
    private static void choose(String id, String label) {
        waitForAjax();
        if (label.equals(text(id + "_label"))) {
            return; // already chosen: choosing it again would send no change
        }
        browser.findElement(By.id(id)).click();
        // Only once the panel has stopped growing: a click during its animation may land on another option.
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='" + id + "_panel'].ui-connected-overlay-enter-done")));
        waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']"))).click();
        waitForAjax();
        waitFor(ExpectedConditions.textToBe(By.id(id + "_label"), label));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The count exactly ("5 contacts" is in "15 contacts"), other texts as a part. */
    private static void waitForText(String id, String expected) {
        waitFor(id.equals("segment:count") ? ExpectedConditions.textToBe(By.id(id), expected)
                : ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
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

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in " + text);
        return m.group(1);
    }
}
