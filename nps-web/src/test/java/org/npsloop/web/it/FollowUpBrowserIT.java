package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A marketer finds a detractor's follow-up on the follow-ups page, marked overdue and with the
 * contact-me marker, opens it, writes a note and marks it contacted; the list shows the new status.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class FollowUpBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserloop");

    @Test
    @Order(1)
    void anOverdueFollowUpIsOpenedNotedAndMarkedContacted() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String email = RUN + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Lou\"}").statusCode());
        String comment = "Trop cher " + RUN;
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":5,\"comment\":\""
                + comment + "\",\"contactConsent\":true,\"respondedAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
        String responseId = AudienceApi.id(entered);
        Matcher m = Pattern.compile("\"id\":(\\d+),[^{}]*?\"responseId\":" + responseId + "\\b")
                .matcher(api.get("api/follow-ups?size=500").body());
        assertTrue(m.find(), "a follow-up for " + responseId);
        String followUp = m.group(1);
        // Its due day passed yesterday.
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""));
                PreparedStatement late = db.prepareStatement("UPDATE follow_up SET due_on = CURRENT_DATE - 2 WHERE id = ?")) {
            late.setLong(1, Long.parseLong(followUp));
            assertEquals(1, late.executeUpdate());
        }

        signInAsNewMarketer(RUN + "-m");
        browser.get(base + "reports/follow-ups.xhtml?lang=en");
        By row = By.xpath("//tbody[@id='list:table_data']/tr[contains(., '" + comment + "')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        WebElement found = browser.findElement(row);
        assertTrue(browser.findElement(By.id("policy")).getText().contains("A new one is due 7 days later."),
                browser.findElement(By.id("policy")).getText());
        assertTrue(found.getAttribute("class").contains("follow-up-overdue"), found.getAttribute("class"));
        assertTrue(found.getText().contains("Overdue"), found.getText());
        assertEquals("5", found.findElement(By.cssSelector(".nps-badge.nps-DETRACTOR")).getText());
        assertEquals(1, found.findElements(By.cssSelector(".consent-marker")).size());
        assertTrue(found.getText().contains("Unassigned") && found.getText().contains("New"), found.getText());

        found.findElement(By.cssSelector("button[id$=':open']")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("detailComment"), comment));
        browser.findElement(By.id("detail:note")).sendKeys("Rappel\u00e9, remise propos\u00e9e");
        browser.findElement(By.id("detail:addNote")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("detail:panel"), "Rappel\u00e9, remise propos\u00e9e"));

        new Select(browser.findElement(By.id("detail:status_input"))).selectByVisibleText("Contacted");
        browser.findElement(By.id("detail:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("detail:messages"), "Follow-up saved."));
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(row, "Contacted"));
        assertTrue(api.get("api/follow-ups/" + followUp).body().contains("\"status\":\"CONTACTED\""));

        // The link of the assignment mail opens it directly.
        browser.get(base + "reports/follow-ups.xhtml?id=" + followUp);
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("detailComment"), comment));
        assertTrue(browser.findElement(By.id("detail:panel")).getText().contains("Rappel\u00e9, remise propos\u00e9e"));
    }
}
