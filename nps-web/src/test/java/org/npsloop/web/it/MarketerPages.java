package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12 point 7 in the browser: the home page's first-steps checklist, the contact edit form, and the data
 * these tests set up through the API.
 */
final class MarketerPages {

    private MarketerPages() {
    }

    /** One step of the checklist (its {@code li}), by its name (IMPORT_CONTACTS...). */
    static WebElement step(WebDriver browser, String step) {
        return browser.findElement(By.cssSelector("#onboarding li[data-step='" + step + "']"));
    }

    /** The checklist's legend, spaces (non-breaking ones too) as plain spaces. */
    static String checklistTitle(WebDriver browser) {
        return text(browser.findElement(By.cssSelector("#onboarding legend")));
    }

    /** Opens the folded checklist (a click on its legend), then waits until its last step shows. */
    static void unfold(WebDriver browser) {
        List<WebElement> steps = browser.findElements(By.cssSelector("#onboarding li"));
        WebElement last = steps.get(steps.size() - 1);
        if (!last.isDisplayed()) {
            browser.findElement(By.cssSelector("#onboarding legend")).click();
            Browser.waitFor(browser, ExpectedConditions.visibilityOf(last));
        }
    }

    /** The input a label of the contact form points to, e.g. the attribute named {@code seats_x}. */
    static WebElement inputLabelled(WebDriver browser, String labelStart) {
        WebElement label = browser.findElement(By.xpath("//form[@id='edit']//label[starts-with(normalize-space(.), '" + labelStart + "')]"));
        return browser.findElement(By.id(label.getAttribute("for")));
    }

    /** The error shown next to an input (its p:message), or "" when there is none. */
    static String errorNextTo(WebElement input) {
        List<WebElement> messages = input.findElements(By.xpath(
                "./ancestor::div[contains(@class, 'input-with-message')][1]//*[contains(@class, 'ui-message-error')]"));
        return messages.isEmpty() ? "" : text(messages.get(0));
    }

    /** Chooses an item of a PrimeFaces select menu by its label ({@link Browser#choose}). */
    static void choose(WebDriver browser, String menuId, String label) {
        Browser.choose(browser, menuId, label);
    }

    static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    /** A manual answer of the contact, now: there is an answer in the last 30 days. */
    static void answer(WebClient api, String email, int score) {
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + ",\"respondedAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
    }
}
