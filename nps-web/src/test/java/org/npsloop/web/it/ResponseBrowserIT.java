package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer types a phone answer on the responses page, picking the contact by name in the
 * autocomplete, and finds it in the inbox marked PHONE, with its score badge, comment and who typed it.
 */
class ResponseBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserphone");

    @Test
    @Order(1)
    void aPhoneAnswerIsEnteredAndFoundInTheInbox() {
        String suffix = RUN.substring(RUN.indexOf('-') + 1);
        String email = RUN + "@exemple.fr";
        String lastName = "B" + suffix;
        WebClient api = AudienceApi.marketer(base);
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ana\",\"lastName\":\""
                + lastName + "\"}").statusCode());
        String marketer = RUN + "-m";
        signInAsNewMarketer(marketer);

        browser.get(base + "responses/index.xhtml?lang=en");
        // The entry form is a dialog over the inbox.
        browser.findElement(By.id("inbox:openEntry")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("entry:save")));
        // Nothing chosen: each required field says so next to itself.
        browser.findElement(By.id("entry:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("entry:scoreMessage"), "score"));
        assertTrue(browser.findElement(By.id("entry:contactMessage")).getText().contains("contact"));

        browser.findElement(By.id("entry:contact_input")).sendKeys(lastName);
        By suggestion = By.xpath("//*[@id='entry:contact_panel']//li[contains(., '" + email + "')]");
        Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(suggestion));
        browser.findElement(suggestion).click();
        browser.findElement(By.cssSelector("label[for='entry:score:6']")).click();
        String comment = "Attente trop longue " + suffix;
        browser.findElement(By.id("entry:comment")).sendKeys(comment);
        browser.findElement(By.id("entry:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("entry:entryMessages"), "saved"));
        browser.findElement(By.id("entry:closeEntry")).click();
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("entry:save")));

        // Narrow the inbox to this run by its search box, then read the row.
        Browser.settle(browser);
        browser.findElement(By.id("inbox:text")).sendKeys(suffix);
        By row = By.xpath("//tbody[@id='inbox:table_data']/tr[contains(., '" + comment + "')]");
        Browser.waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.xpath("//tbody[@id='inbox:table_data']/tr"), 1));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        Browser.settle(browser); // the table the last search drew (keys typed slowly can send more than one)
        WebElement found = browser.findElement(row);
        WebElement channel = found.findElement(By.cssSelector(".channel-PHONE"));
        assertEquals("Phone", channel.getText());
        assertEquals("Entered by " + marketer, channel.getAttribute("title"));
        assertEquals("6", found.findElement(By.cssSelector(".nps-badge.nps-DETRACTOR")).getText());
        assertTrue(found.findElement(By.cssSelector("a.contact-link")).getAttribute("href").contains("/audience/contact.xhtml?id="));
        assertEquals("Ana " + lastName, found.findElement(By.cssSelector("a.contact-link")).getText());

        // It counts in the dashboard's NPS, shown signed (0 without a sign).
        browser.get(base + "index.xhtml");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:nps")));
        String nps = browser.findElement(By.id("dashboard:nps")).getText();
        assertTrue(nps.matches("\\+[1-9]\\d*|-[1-9]\\d*|0"), nps);
    }
}
