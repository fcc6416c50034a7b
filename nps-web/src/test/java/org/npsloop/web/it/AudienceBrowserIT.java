package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A marketer imports a CSV file in the browser, follows the progress, and finds the contacts. */
class AudienceBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("ui");

    @Test
    @Order(1)
    void marketerImportsACsvFileAndSeesEveryBadLine() throws Exception {
        signInAsNewMarketer(RUN + "-marketer");
        Path file = Files.createTempFile("contacts", ".csv");
        StringBuilder csv = new StringBuilder("email,first name,last name,plan,signup date\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(RUN).append('-').append(i).append("@exemple.fr,Ana,Lopez,").append(i % 4 == 0 ? "gold" : "silver")
                    .append(",2025-0").append(1 + i % 9).append("-15\n");
        }
        csv.append("not-an-email,Bad,Line,gold,2025-01-01\n");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.get(base + "audience/import.xhtml?lang=en");
        browser.findElement(By.cssSelector("input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("import:start")));
        assertTrue(browser.findElement(By.id("import:columns")).getText().contains("signup date"));
        browser.findElement(By.id("import:start")).click();

        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("importStatus"), "Done"));
        String counts = browser.findElement(By.id("counts")).getText();
        assertTrue(counts.contains("41 of 41 lines read: 40 imported, 1 rejected"), counts);
        assertTrue(browser.findElement(By.id("import:rejections")).getText().contains("42"), "line 42 is the bad one");
        assertTrue(browser.findElement(By.id("import:rejections")).getText().contains("invalid email 'not-an-email'"));
        // The page's import (written with plain SQL) is in the audit trail as the marketer's.
        String trail = AudienceApi.withKey(base, "ADMIN").get("api/audit?entity=ImportJob&actor=" + RUN + "-marketer").body();
        assertTrue(trail.contains("\"action\":\"IMPORT\"") && trail.contains("import started from the import page"), trail);
    }

    @Test
    @Order(2)
    void importedContactsAreInTheContactTableAndTheirPage() {
        browser.get(base + "audience/index.xhtml?lang=en");
        browser.findElement(By.id("contacts:text")).sendKeys(RUN + "-12@");
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("contacts:table"), RUN + "-12@exemple.fr"));
        // Each keystroke searched again: a late answer may redraw the table under the click, so click again then.
        Browser.waitFor(browser, driver -> {
            try {
                driver.findElement(By.linkText(RUN + "-12@exemple.fr")).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("attributes")));
        String attributes = browser.findElement(By.id("attributes")).getText();
        assertTrue(attributes.contains("gold") && attributes.contains("2025-04-15"), attributes);
        assertEquals("Active", browser.findElement(By.id("status")).getText());

        browser.findElement(By.id("event:type_input")).sendKeys("purchase");
        browser.findElement(By.id("event:externalId")).sendKeys("order-" + RUN);
        browser.findElement(By.id("event:add")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "order-" + RUN));
        assertTrue(browser.findElement(By.id("events")).getText().contains("PURCHASE"));

        // Erased from its page (plain SQL): the audit trail names who did it, not the address.
        String contactId = browser.getCurrentUrl().replaceFirst(".*[?&]id=(\\d+).*", "$1");
        browser.findElement(By.id("privacy:erase")).click();
        Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        browser.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Erased"));
        String trail = AudienceApi.withKey(base, "ADMIN").get("api/audit?entity=Contact&entityId=" + contactId).body();
        assertTrue(trail.contains("\"action\":\"ERASE\"") && trail.contains(RUN + "-marketer"), trail);
        assertFalse(trail.contains(RUN + "-12@"), trail);
    }
}
