package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

    @Test
    @Tag("messages")
    @Order(201)
    void aFrenchMarketerReadsRequiredFieldsAndRefusalsInFrenchNamingTheField() {
        signInAs("fr", "MARKETER");
        width(1280);
        browser.get(base + "audience/lists.xhtml");
        browser.findElement(By.id("lists:create")).click();
        String required = shown(By.id("lists:messages")).getText();
        assertTrue(required.contains("Liste : ce champ est obligatoire."), required);
        assertNoEnglish(required);

        browser.findElement(By.id("lists:name")).sendKeys(Deployments.unique("liste"));
        browser.findElement(By.id("lists:create")).click();
        String unknown = Deployments.unique("inconnu") + "@exemple.fr";
        shown(By.id("members:emails")).sendKeys(unknown);
        browser.findElement(By.id("members:add")).click();
        String refused = shown(By.id("members:messages")).getText();
        assertTrue(refused.contains("aucun contact avec l\u2019adresse e-mail " + unknown)
                || refused.contains("aucun contact avec l'adresse e-mail " + unknown), refused);
        assertNoEnglish(refused);
    }

    @Test
    @Tag("messages")
    @Order(202)
    void aFrenchExecutiveReadsAnInvalidReportFilterInFrenchOnItsField() {
        signInAs("fr", "EXECUTIVE");
        width(1920);
        browser.get(base + "reports/index.xhtml?period=custom&value=or&from=2026-03-01&to=2026-01-31");
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Choisissez l'attribut auquel s'applique la valeur or"), page);
        assertTrue(page.contains("La fin de la p\u00e9riode (2026-01-31) pr\u00e9c\u00e8de son d\u00e9but (2026-03-01)"), page);
        assertNoEnglish(page);
    }

    private org.openqa.selenium.WebElement shown(By element) {
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(element));
        return browser.findElement(element);
    }

    /** Neither JSF's default English ("Validation Error") nor a service's English sentence. */
    private static void assertNoEnglish(String text) {
        for (String english : new String[] {"Validation Error", "Value is required", "no contact with", "Choose the attribute",
                "is before its start"}) {
            assertFalse(text.contains(english), "English \"" + english + "\" in: " + text);
        }
    }

    // --- point 3: dates and times (orders 300-399) ---


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---


}
