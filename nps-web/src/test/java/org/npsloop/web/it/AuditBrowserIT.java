package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator reads the audit trail page in French: a marketer's change of a survey's brand name with its before
 * and after (markup in it shown as text), filtered by entity and id, their own password change with the hash hidden,
 * filtered by actor, and the CSV link carrying the same filters.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class AuditBrowserIT extends BrowserTestBase {

    @Test
    void anAdministratorFiltersTheTrailAndReadsWhoChangedWhat() {
        String run = Deployments.unique("auditor");
        WebClient marketer = AudienceApi.marketer(base);
        String survey = AudienceApi.id(marketer.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}"));
        assertEquals(200, marketer.sendJson("PUT", "api/surveys/" + survey, "{\"brandName\":\"<b>Acme</b> " + run + "\"}").statusCode());
        signInAsNewUser(run, "ADMIN");

        browser.get(base + "admin/audit.xhtml?lang=fr");
        assertEquals("Journal d'audit", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("audit:entity")).sendKeys("Survey");
        browser.findElement(By.id("audit:entityId")).sendKeys(survey);
        browser.findElement(By.id("audit:actor")).click(); // leaves the id field: its change filters
        By update = By.xpath("//tbody[@id='audit:table_data']/tr[contains(., 'UPDATE')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(update));
        Browser.settle(browser);
        WebElement row = browser.findElement(update);
        assertTrue(row.getText().contains("api-key:"), row.getText());
        String changes = row.findElement(By.cssSelector(".truncate")).getAttribute("title");
        assertTrue(changes.contains("\"before\":\"Acme\"") && changes.contains("<b>Acme</b> " + run), changes);
        assertEquals(2, browser.findElements(By.xpath("//tbody[@id='audit:table_data']/tr")).size(), "its creation and its change");
        assertTrue(browser.findElement(By.id("audit:table")).getText().contains("Événements 1–2 sur 2"));

        browser.findElement(By.id("audit:entity")).clear();
        browser.findElement(By.id("audit:entityId")).clear();
        browser.findElement(By.id("audit:actor")).sendKeys(run);
        browser.findElement(By.id("audit:entity")).click();
        By own = By.xpath("//tbody[@id='audit:table_data']/tr[contains(., 'User')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(own));
        Browser.settle(browser);
        String passwordChange = browser.findElement(own).findElement(By.cssSelector(".truncate")).getAttribute("title");
        assertTrue(passwordChange.contains("[hidden]"), passwordChange);
        assertFalse(passwordChange.contains(PASSWORD), passwordChange);
        assertTrue(browser.findElement(By.id("audit:export")).getAttribute("href").contains("api/audit/export?actor=" + run),
                browser.findElement(By.id("audit:export")).getAttribute("href"));
    }
}
