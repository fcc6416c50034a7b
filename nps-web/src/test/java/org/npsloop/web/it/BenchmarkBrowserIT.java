package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Benchmarks in a browser: an executive types a reference (refused on its fields, in English and French, then saved
 * and edited); a marketer reads it without buttons; the dashboard compares the company's NPS of a day with it and
 * lists the run's segment against the company.
 */
class BenchmarkBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserbench");

    @Test
    @Order(1)
    void aReferenceTypedInAndComparedOnTheDashboard() {
        signInAsNewUser(RUN + "-x", "MARKETER", "EXECUTIVE");
        browser.get(base + "reports/benchmarks.xhtml?lang=fr");
        click("benchmark:save");
        assertEquals("Le secteur est obligatoire", messageOf("sector"));

        browser.get(base + "reports/benchmarks.xhtml?lang=en");
        type("sector", "Sector " + RUN);
        type("year", "20x5");
        type("nps", "150");
        click("benchmark:save");
        assertEquals("A year is written in digits, e.g. 2025 (\"20x5\" given)", messageOf("year"));
        assertEquals("The source is required: who published this figure", messageOf("source"));
        type("year", "2025");
        type("source", "Study " + RUN);
        type("nps", "20,5");
        click("benchmark:save");
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("benchmark:references"), "Sector " + RUN));
        assertEquals("+20.5", Browser.text(browser, By.xpath(row() + "/td[contains(@class,'benchmark-nps')]")));

        // Edited: a region added.
        browser.findElement(By.xpath(row() + "//button[contains(@id,':edit')]")).click();
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.id("benchmark:sector"), "value", "Sector " + RUN));
        type("region", "France");
        click("benchmark:save");
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.xpath(row()), "France"));

        WebClient marketer = AudienceApi.marketer(base);
        // Three answers on a day nobody else answered on: 10, 10, 2, NPS +33.3 against +20.5, too few to conclude.
                String reference = Json.text(Json.only(Json.array(marketer.get("api/benchmarks")), "", "sector", "Sector " + RUN), "id");
        LocalDate day = freeDay(marketer, reference);
        HttpResponse<String> contact = marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + RUN + "@exemple.fr\","
                + "\"language\":\"FR\",\"attributes\":{\"rrun\":\"" + RUN + "\"}}");
        assertEquals(201, contact.statusCode(), contact.body());
        for (int score : List.of(10, 10, 2)) {
            assertEquals(201, marketer.sendJson("POST", "api/responses", "{\"contactId\":" + AudienceApi.id(contact) + ",\"score\":"
                    + score + ",\"respondedAt\":\"" + day + "T12:00:00Z\"}").statusCode());
        }
        assertEquals(201, marketer.sendJson("POST", "api/segments", "{\"name\":\"Run " + RUN + "\",\"rule\":{\"type\":"
                + "\"attribute\",\"attribute\":\"rrun\",\"operator\":\"EQUALS\",\"values\":[\"" + RUN + "\"]}}").statusCode());

        browser.get(base + "reports/index.xhtml?lang=en&period=custom&from=" + day + "&to=" + day + "&benchmark=" + reference);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("benchmarkSentence")));
        assertEquals("Company NPS +33.3 vs reference +20.5 (Sector " + RUN + ", France, 2025, Study " + RUN + "): difference +12.8"
                + " points, not conclusive: fewer than 30 responses", browser.findElement(By.id("benchmarkSentence")).getText());
        assertEquals(reference, browser.findElement(By.id("filters:benchmark_input")).getAttribute("value"), "kept in the form");
        // The internal benchmarks arrive after the page: the run's segment is the whole company of that day.
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".internal-segments")));
        String segmentRow = "//div[contains(@class,'internal-segments')]//tr[td[contains(@class,'group-label') and .='Run " + RUN + "']]";
        assertEquals("+33.3", Browser.text(browser, By.xpath(segmentRow + "/td[contains(@class,'group-nps')]")));
        assertTrue(Browser.text(browser, By.xpath(segmentRow + "/td[contains(@class,'group-difference')]")).startsWith("+0.0"));
        assertEquals("not conclusive", Browser.text(browser, By.xpath(segmentRow + "/td[contains(@class,'group-significance')]")));

        // In French, the same comparison.
        browser.get(base + "reports/index.xhtml?lang=fr&period=custom&from=" + day + "&to=" + day + "&benchmark=" + reference);
        assertTrue(Browser.text(browser, By.id("benchmarkSentence")).startsWith("NPS de l’entreprise +33,3 contre référence +20,5"),
                browser.findElement(By.id("benchmarkSentence")).getText());
    }

    @Test
    @Order(2)
    void aMarketerReadsTheReferencesWithoutChangingThem() {
        browser.manage().deleteAllCookies();
        signInAsNewMarketer(RUN + "-m");
        browser.get(base + "reports/benchmarks.xhtml?lang=en");
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("benchmark:references"), "Sector " + RUN));
        assertEquals("Only administrators and executives change the references.", Browser.text(browser, By.id("benchmark:readOnly")));
        assertTrue(Browser.findNow(browser, By.id("benchmark:save")).isEmpty());
        assertTrue(Browser.findNow(browser, By.xpath(row() + "//button")).isEmpty());
    }

    private static String row() {
        return "//tbody[@id='benchmark:references_data']/tr[td[.='Sector " + RUN + "']]";
    }

    private static void type(String field, String text) {
        WebElement input = browser.findElement(By.id("benchmark:" + field));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
        Browser.settle(browser);
    }

    /** The error message shown beside a field of the reference form. */
    private static String messageOf(String field) {
        return Browser.text(browser, By.xpath("//*[@id='benchmark:" + field + "']/following-sibling::*[contains(@class,'ui-message-error')]"));
    }

    private static LocalDate freeDay(WebClient api, String reference) {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(2004, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(16 * 365));
            if (Json.number(Json.object(api.get("api/benchmarks/" + reference + "/comparison?from=" + day + "&to=" + day)),
                    "company.responses") == 0) {
                return day;
            }
        }
        throw new AssertionError("no free day found");
    }
}
