package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reports dashboard in a browser, on answers of this run only (a segment scopes them, in the URL):
 * the figures, the charts drawn with their tables, a note added under the trend, and the breakdowns.
 */
class ReportBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserrep");

    @Test
    @Order(1)
    void dashboardFiguresChartsAndANote() {
        WebClient api = AudienceApi.marketer(base);
        HttpResponse<String> contact = api.sendJson("POST", "api/contacts", "{\"email\":\"" + RUN + "@exemple.fr\",\"language\":\"FR\","
                + "\"attributes\":{\"rrun\":\"" + RUN + "\"}}");
        assertEquals(201, contact.statusCode(), contact.body());
        String contactId = AudienceApi.id(contact);
        // 10, 10 and 2 in March 2025: NPS (2 - 1) / 3 = +33.3, not conclusive.
        for (String answer : List.of("10,\"respondedAt\":\"2025-03-05T10:00:00Z\"", "10,\"respondedAt\":\"2025-03-06T10:00:00Z\"",
                "2,\"respondedAt\":\"2025-03-20T10:00:00Z\"")) {
            assertEquals(201, api.sendJson("POST", "api/responses", "{\"contactId\":" + contactId + ",\"score\":" + answer + "}")
                    .statusCode());
        }
        String segment = AudienceApi.id(api.sendJson("POST", "api/segments", "{\"name\":\"Run " + RUN + "\",\"rule\":"
                + "{\"type\":\"attribute\",\"attribute\":\"rrun\",\"operator\":\"EQUALS\",\"values\":[\"" + RUN + "\"]}}"));
        signInAsNewMarketer(RUN + "-m");

        String filters = "period=custom&from=2025-03-01&to=2025-03-31&segment=" + segment;
        browser.get(base + "reports/index.xhtml?lang=en&" + filters);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("nps")));
        assertEquals("+33.3", browser.findElement(By.id("nps")).getText());
        assertEquals("3", browser.findElement(By.id("responses")).getText());
        assertTrue(browser.findElement(By.id("notConclusive")).getText().contains("Not conclusive"));
        // Both charts drawn by Chart.js, each with its table: score 10 twice, 2 once.
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#distributionChart canvas")));
        assertTrue(browser.findElements(By.cssSelector("#trendChart canvas")).size() == 1);
        assertEquals("2", cell("distribution", 10, 1));
        assertEquals("1", cell("distribution", 2, 1));
        assertEquals("0", cell("distribution", 9, 1));
        assertTrue(cell("trend", 0, 0).startsWith("2025-03-01"));
        // The filters stay in the form after a redirect: the segment is selected, the period custom.
        assertEquals(segment, browser.findElement(By.id("filters:segment_input")).getAttribute("value"));

        // A note on 10 March: listed, and in the trend table's March row.
        String note = "Price change " + RUN;
        // The date picker's input keeps today's date against clear(): set it as a whole.
        WebElement day = browser.findElement(By.id("notes:noteDay_input"));
        browser.executeScript("arguments[0].value = '2025-03-10';", day);
        browser.findElement(By.id("notes:noteText")).sendKeys(note);
        browser.findElement(By.id("notes:saveNote")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notes:noteList"), note));
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("trend"), note));
        // An empty note is refused on its field.
        browser.findElement(By.id("notes:saveNote")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notes\\:noteForm .ui-message-error")));

        // Breakdowns by language with the same filters: FR only, 3 answers.
        browser.get(base + "reports/breakdowns.xhtml?lang=en&dimension=LANGUAGE&" + filters);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#breakdownChart canvas")));
        assertEquals("FR", cell("rows", 0, 0));
        assertEquals("3", cell("rows", 0, 1));
        assertEquals("+33.3", cell("rows", 0, 2));
    }

    /** The text of a cell of a data table (row and column from 0). */
    private static String cell(String table, int row, int column) {
        return browser.findElement(By.xpath("//tbody[@id='" + table + "_data']/tr[" + (row + 1) + "]/td[" + (column + 1) + "]"))
                .getText().strip();
    }
}
