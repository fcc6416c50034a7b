package org.npsloop.web.it;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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


    // --- point 3: dates and times (orders 300-399) ---


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---


}
