package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The touchpoints page in a browser, on answers of one campaign of this run: the ratings and key-driver tables, the
 * link from a touchpoint to the comments of its low raters, and back to every respondent; French labels.
 */
class DrillDownBrowserIT extends BrowserTestBase {

    @Test
    void fromTheDashboardToATouchpointToTheVerbatimsOfItsLowRaters() throws Exception {
        String url = System.getProperty("it.db.url");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "the answers are written by SQL on PostgreSQL");
        String run = Deployments.unique("drillb");
        WebClient api = AudienceApi.marketer(base);
        HttpResponse<String> contact = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"language\":\"EN\"}");
        String survey = CampaignApi.survey(api, run);
        String list = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"listId\":" + list + "}"));
        // A promoter rating Delivery 5 of 5, a detractor rating it 2: mean 3.50, 1 high and 1 low rater.
        long[] responses = new long[2];
        int[] scores = {10, 2};
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"contactId\":" + AudienceApi.id(contact)
                    + ",\"score\":" + scores[i] + ",\"comment\":\"" + run + (i == 0 ? " on time" : " late again") + "\","
                    + "\"channel\":\"PHONE\",\"respondedAt\":\"2025-05-0" + (i + 1) + "T10:00:00Z\",\"campaignId\":" + campaign + "}");
            assertEquals(201, entered.statusCode(), entered.body());
            responses[i] = Long.parseLong(AudienceApi.id(entered));
        }
        try (Connection db = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""))) {
            long delivery = DrillDownApiIT.question(db, survey, 1, "TOUCHPOINT_RATING", "ONE_TO_FIVE", 4L);
            DrillDownApiIT.answer(db, responses[0], delivery, 5);
            DrillDownApiIT.answer(db, responses[1], delivery, 2);
        }
        signInAsNewMarketer(run + "-m");

        // From the dashboard's NPS, with its filters.
        browser.get(base + "reports/index.xhtml?lang=en&period=all&campaign=" + campaign);
        Browser.click(browser, By.id("driversLink"));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("touchpoints")));
        assertTrue(browser.getCurrentUrl().contains("campaign=" + campaign), browser.getCurrentUrl());
        assertEquals(List.of("Delivery", "1-5", "2", "3.50"), List.of(cell("touchpoints", 0, 0), cell("touchpoints", 0, 1),
                cell("touchpoints", 0, 2), cell("touchpoints", 0, 3)));
        assertTrue(cell("drivers", 0, 5).contains("not conclusive"), cell("drivers", 0, 5));
        assertTrue(cell("drivers", 0, 4).startsWith("+200.0"), "+100 against -100: " + cell("drivers", 0, 4));

        // The low raters' comments: the detractor's only, the narrowing named above the filters.
        Browser.click(browser, By.cssSelector("#touchpoints_data tr:first-child a.verbatims-low"));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("filters:drillDown")));
        assertTrue(Browser.text(browser, By.id("filters:drillDown")).contains("rated Delivery low"));
        assertTrue(Browser.text(browser, By.id("comments:table")).contains(run + " late again"));
        assertTrue(!Browser.text(browser, By.id("comments:table")).contains(run + " on time"));
        Browser.click(browser, By.id("filters:clearDrillDown"));
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("comments:table"), run + " on time"));
        assertTrue(Browser.findNow(browser, By.id("filters:drillDown")).isEmpty(), "every respondent again");

        browser.get(base + "reports/drivers.xhtml?lang=fr&period=all&campaign=" + campaign);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("touchpoints")));
        assertEquals("Leviers du NPS", Browser.text(browser, By.id("drivers-title")));
        assertEquals("3,50", cell("touchpoints", 0, 3));
        assertTrue(cell("drivers", 0, 5).contains("non concluant"), cell("drivers", 0, 5));
    }

    /** The text of a cell of a data table (row and column from 0). */
    private static String cell(String table, int row, int column) {
        return Browser.text(browser, By.xpath("//tbody[@id='" + table + "_data']/tr[" + (row + 1) + "]/td[" + (column + 1) + "]")).strip();
    }
}
