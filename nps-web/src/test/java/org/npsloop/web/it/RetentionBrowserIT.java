package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator sets a retention period on the Settings page in French: a period out of bounds is refused on its
 * field with the bounds, nothing saved; a valid one shows in the dry run (its rule, its cutoff, the rows the next run
 * would remove); set back to 0, the table says nothing will be removed. The period chosen (100 years of webhook
 * deliveries) removes nothing any other test keeps.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class RetentionBrowserIT extends BrowserTestBase {

    @Test
    void anAdministratorSetsAPeriodAndReadsWhatTheNextRunWillRemove() {
        signInAsNewUser(Deployments.unique("keeper"), "ADMIN");
        browser.get(base + "admin/settings.xhtml?lang=fr");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("retention:webhookDays")));

        setWebhookDays("99999");
        By error = By.cssSelector("#retention .ui-message-error, #retention .ui-messages-error");
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(error));
        String refusal = browser.findElement(error).getText();
        assertTrue(refusal.contains("36500") && refusal.contains("jours"), refusal);
        browser.get(base + "admin/settings.xhtml?lang=fr");
        assertEquals("0", browser.findElement(By.id("retention:webhookDays")).getAttribute("value"), "nothing was saved");

        setWebhookDays("36500");
        By webhookRow = By.xpath("//tbody[@id='retention:dryRun_data']/tr[contains(., 'livraisons de webhook')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(webhookRow));
        String row = browser.findElement(webhookRow).getText();
        assertTrue(row.contains("36500"), row);
        assertTrue(row.matches("(?s).*\\b\\d+$"), "the rows the next run would remove: " + row);

        setWebhookDays("0");
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("retention:dryRun"),
                "Toutes les règles sont désactivées"));
    }

    private void setWebhookDays(String days) {
        browser.findElement(By.id("retention:webhookDays")).clear();
        browser.findElement(By.id("retention:webhookDays")).sendKeys(days);
        browser.findElement(By.id("retention:save")).click();
        Browser.settle(browser);
    }
}
