package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
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


    // --- point 10: people behind link scanners count (orders 1000-1099) ---

    @Test
    @Tag("scanners")
    @Order(1001)
    void theInboxMarksASuspectedAnswerAndSaysWhyInTheUsersLanguage() {
        String run = Deployments.unique("scan-inbox");
        WebClient api = AudienceApi.marketer(base);
        String email = run + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}").statusCode());
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":10,\"comment\":\""
                + run + "\",\"respondedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
        // As the respond page stores it when a script sends it untouched at once (RespondentBrowserIT does it in Chromium).
        assertEquals(1, Respondents.update("UPDATE response SET flagged = TRUE, flag_reason = ? WHERE id = ?",
                "sent by a script 120 ms after the page opened, untouched", Long.parseLong(AudienceApi.id(entered))));
        Map<String, String> why = Map.of(
                "fr", "Envoyée par un script 120\u00a0ms après l'ouverture de la page, sans clic ni frappe au clavier",
                "en", "Sent by a script 120\u00a0ms after the page opened, with no click or key press");
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "MARKETER");
            width(1280);
            browser.get(base + "responses/index.xhtml?lang=" + lang);
            browser.findElement(By.id("inbox:text")).sendKeys(run);
            // The search has run once the table holds this answer alone.
            By rows = By.xpath("//tbody[@id='inbox:table_data']/tr");
            Browser.waitFor(browser, driver -> {
                try {
                    List<WebElement> shown = driver.findElements(rows);
                    return shown.size() == 1 && shown.get(0).getText().contains(run);
                } catch (StaleElementReferenceException e) {
                    return false;
                }
            });
            WebElement found = browser.findElement(rows);
            assertTrue(found.getAttribute("class").contains("response-flagged"), found.getAttribute("class"));
            WebElement marker = found.findElement(By.className("flag-marker"));
            assertEquals(why.get(lang), marker.getAttribute("title"), lang);
            assertTrue(marker.getText().contains("fr".equals(lang) ? "Robot suspecté" : "Suspected bot"), marker.getText());
        }
    }
}
