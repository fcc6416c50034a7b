package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The first hour of a new user, in the browser, in French and English, as MARKETER, EXECUTIVE and ADMIN at
 * 1280 and 1920 px: one deployment and one browser for all of it (issue 12). Each point of the issue has
 * its own region below, its tests ordered within its own hundred (point N: {@code @Order(N * 100 + k)}).
 * Each test starts from a fresh session ({@link #signInAs}) and creates its own data (names from
 * {@link Deployments#unique}), so it passes alone or in any order.
 */
class FirstHourBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    /** Forgets the previous test's session, then signs in as a new user with these roles, in this UI language. */
    void signInAs(String lang, String... roles) {
        browser.manage().deleteAllCookies();
        signInAsNewUser(Deployments.unique("first-" + String.join("-", roles).toLowerCase()), roles);
        browser.get(base + "index.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    /** Sets the window's width (1280 or 1920 px in these tests). */
    void width(int pixels) {
        browser.manage().window().setSize(new Dimension(pixels, 1000));
    }

    // --- point 1: language switch (orders 100-199) ---


    // --- point 2: every message in the user's language (orders 200-299) ---


    // --- point 3: dates and times (orders 300-399) ---


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---

    /** A new publication opens on the latest months that have answers, its live figures counted with agreeing plurals. */
    @Test
    @Tag("publication")
    @Order(900)
    void aNewPublicationOpensOnTheLatestPeriodWithAnswers() {
        PublicationScope.withAnswers(base, Deployments.unique("pub-period"), 1, "#0B5CAD");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "EXECUTIVE");
            width(1280);
            browser.get(base + "publications/edit.xhtml?lang=" + lang);
            String to = browser.findElement(By.id("publication:to_input")).getAttribute("value");
            String from = browser.findElement(By.id("publication:from_input")).getAttribute("value");
            assertTrue(PublicationScope.showsDay(to, today), "the period ends today, with the answer just given: " + to);
            assertTrue(PublicationScope.showsDay(from, today.withDayOfMonth(1).minusMonths(2)), from);
            // Live figures at once, with the noun agreeing with the count.
            String answers = browser.findElement(By.id("publication:liveResponses")).getText();
            Matcher count = Pattern.compile("([\\d\\s\u202f\u00a0,]+) (\\S+)").matcher(answers);
            assertTrue(count.matches(), answers);
            long n = Long.parseLong(count.group(1).replaceAll("[^0-9]", ""));
            assertTrue(n >= 1, answers);
            String noun = lang.equals("fr") ? (n <= 1 ? "r\u00e9ponse" : "r\u00e9ponses") : (n == 1 ? "answer" : "answers");
            assertEquals(noun, count.group(2), answers);
        }
    }

    /** "Publish?" is asked only of a form that would be published: refused fields and too few answers say why instead. */
    @Test
    @Tag("publication")
    @Order(901)
    void publishIsCheckedBeforeItIsAsked() {
        String run = Deployments.unique("pub-check");
        PublicationScope empty = PublicationScope.withAnswers(base, run + "-empty", 0, "#0B5CAD");
        PublicationScope five = PublicationScope.withAnswers(base, run + "-five", 5, "#0B5CAD");
        signInAs("fr", "EXECUTIVE");
        width(1920);
        browser.get(base + "publications/edit.xhtml?lang=fr");
        browser.findElement(By.id("publication:title")).clear();
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".input-with-message .ui-message-error")));
        assertFalse(publishDialogShown(), "no question for a form without a title");

        browser.findElement(By.id("publication:title")).sendKeys("Vide " + run);
        chooseCampaign(empty.campaignName);
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("publication:messages"), "Aucune r\u00e9ponse dans cette p\u00e9riode"));
        assertTrue(browser.findElement(By.id("publication:messages")).getText().contains("il en faut au moins 5"),
                browser.findElement(By.id("publication:messages")).getText());
        assertFalse(publishDialogShown(), "no question for a scope without answers");

        // Enough answers: now the question, and "Non" leaves everything as it was.
        chooseCampaign(five.campaignName);
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("publication:publishDialog")));
        assertTrue(browser.findElement(By.id("publication:publishDialog")).getText().contains("Publier ?"));
        browser.findElement(By.id("publication:publishNo")).click();
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("publication:publishDialog")));
        assertFalse(browser.getCurrentUrl().contains("id="), "nothing saved");
        browser.findElement(By.id("publication:refresh")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("publication:liveResponses"), "5 r\u00e9ponses"));
        assertFalse(publishDialogShown(), "the question does not come back by itself");
    }

    /**
     * The published link is the public address (the configured base URL), copied by its button; the public page wears
     * the campaign survey's brand and says "5 answers".
     */
    @Test
    @Tag("publication")
    @Order(902)
    void thePublishedLinkIsAbsoluteCopiesAndWearsTheSurveysBrand() {
        String run = Deployments.unique("pub-link");
        PublicationScope scope = PublicationScope.withAnswers(base, run, 5, "#7A1F5C");
        for (String lang : List.of("en", "fr")) {
            signInAs(lang, "EXECUTIVE");
            width(lang.equals("en") ? 1920 : 1280);
            browser.get(base + "publications/edit.xhtml?lang=" + lang);
            browser.findElement(By.id("publication:title")).clear();
            browser.findElement(By.id("publication:title")).sendKeys("Link " + lang + " " + run);
            chooseCampaign(scope.campaignName);
            browser.findElement(By.id("publication:publish")).click();
            Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.id("publication:publishYes")));
            browser.findElement(By.id("publication:publishYes")).click();
            Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("publication:publicUrl")));

            WebElement link = browser.findElement(By.id("publication:publicUrl"));
            String url = link.getAttribute("href");
            assertTrue(url.startsWith(base.toString() + "p/"), "absolute, at the configured address: " + url);
            assertEquals(url, link.getText(), "the link shows the whole address");
            browser.findElement(By.id("copyLink")).click();
            Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("copyStatus"),
                    lang.equals("fr") ? "Lien copi\u00e9." : "Link copied."));
            WebElement search = browser.findElement(By.id("publication:search"));
            search.clear();
            search.sendKeys(Keys.chord(Keys.CONTROL, "v"));
            assertEquals(url, search.getAttribute("value"), "the clipboard holds the link");
            assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .noneMatch(entry -> entry.getMessage().contains("Content Security Policy")), "no CSP violation");

            ChromeDriver visitor = Browser.start();
            try {
                visitor.get(url);
                assertEquals(scope.brandName, visitor.findElement(By.cssSelector("header p")).getText(), "the survey's brand");
                assertTrue(visitor.findElement(By.tagName("header")).getCssValue("background-color").matches("rgba?\\(122, 31, 92(, 1)?\\)"),
                        "the survey's colour");
                assertEquals(lang.equals("fr") ? "Sur 5 r\u00e9ponses." : "Based on 5 answers.", visitor.findElement(By.id("responses")).getText());
            } finally {
                visitor.quit();
            }
        }
    }

    /** An ADMIN sets the brand of the public pages on the Settings page: stored, checked, worn by pages not tied to a campaign. */
    @Test
    @Tag("publication")
    @Order(903)
    void theSettingsPageSetsTheBrandOfThePublicPages() {
        String run = Deployments.unique("pub-brand");
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "ADMIN");
            width(lang.equals("fr") ? 1280 : 1920);
            browser.get(base + "admin/settings.xhtml?lang=" + lang);
            WebElement colour = browser.findElement(By.id("brand:colour"));
            colour.clear();
            colour.sendKeys("bleu");
            browser.findElement(By.id("brand:save")).click();
            Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='brand'] .ui-message-error")));

            String name = "Org " + lang + " " + run;
            browser.findElement(By.id("brand:name")).clear();
            browser.findElement(By.id("brand:name")).sendKeys(name);
            browser.findElement(By.id("brand:colour")).clear();
            browser.findElement(By.id("brand:colour")).sendKeys("#1e6b2e");
            browser.findElement(By.id("brand:save")).click();
            Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("brand:messages"),
                    lang.equals("fr") ? "Marque enregistr\u00e9e" : "Brand saved"));
            browser.navigate().refresh();
            assertEquals(name, browser.findElement(By.id("brand:name")).getAttribute("value"), "stored, not only shown");
            assertEquals("#1E6B2E", browser.findElement(By.id("brand:colour")).getAttribute("value"));

            ChromeDriver visitor = Browser.start();
            try {
                visitor.get(base + "p/");
                assertEquals(name, visitor.findElement(By.cssSelector("header p")).getText());
                assertTrue(visitor.findElement(By.tagName("header")).getCssValue("background-color").matches("rgba?\\(30, 107, 46(, 1)?\\)"),
                        "the colour set on the Settings page");
            } finally {
                visitor.quit();
            }
        }
    }

    private void chooseCampaign(String name) {
        browser.findElement(By.id("publication:campaign")).click();
        By item = By.xpath("//*[@id='publication:campaign_items']//li[@data-label='" + name + "']");
        Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(item));
        browser.findElement(item).click();
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("publication:campaign_panel")));
    }

    private boolean publishDialogShown() {
        return !browser.findElements(By.cssSelector("[id='publication:publishDialog']")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty();
    }


}
