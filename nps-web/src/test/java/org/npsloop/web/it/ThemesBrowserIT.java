package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A marketer creates a theme (a refused empty name first), then on the Comments page filters on a
 * campaign, sees the chart and its table, takes a theme off a comment and adds theirs by hand.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class ThemesBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserthemes");

    @Test
    @Order(1)
    void aMarketerEditsThemesAndCorrectsAComment() throws Exception {
        String suffix = RUN.substring(RUN.indexOf('-') + 1).replaceAll("[^a-z0-9]", "");
        String word = "brwsr" + suffix;
        WebClient api = AudienceApi.marketer(base);
        String survey = CampaignApi.survey(api, RUN);
        HttpResponse<String> campaign = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + RUN + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"BT_" + suffix.toUpperCase(Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, campaign.statusCode(), campaign.body());
        String campaignId = AudienceApi.id(campaign);
        String email = RUN + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}").statusCode());
        String late = "Livraison en retard " + suffix;
        assertEquals(201, api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":3,\"comment\":\"" + late
                + "\",\"respondedAt\":\"2026-03-02T10:00:00Z\",\"campaignId\":" + campaignId + "}").statusCode());
        // Wait until the background matching has given it its delivery theme.
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!ThemesIT.counts(api.get("api/reports/themes?campaign=" + campaignId).body()).containsKey(2L)
                && System.nanoTime() < end) {
            Thread.sleep(500);
        }

        signInAsNewMarketer(RUN + "-m");
        browser.get(base + "reports/themes.xhtml?lang=en");
        click(By.id("list:new"));
        click(By.id("editor:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id='editor:labelEn'] ~ *, .ui-message-error"),
                "name"));
        browser.findElement(By.id("editor:labelEn")).sendKeys("Browser " + suffix);
        browser.findElement(By.id("editor:labelFr")).sendKeys("Navigateur " + suffix);
        browser.findElement(By.id("editor:keywordsEn")).sendKeys(word + ", " + word + "s");
        click(By.id("editor:save"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("list:table"), "Browser " + suffix));
        assertTrue(browser.findElement(By.id("list:table")).getText().contains(word + ", " + word + "s"));

        browser.get(base + "reports/comments.xhtml?lang=en");
        new Select(browser.findElement(By.id("filters:campaign_input"))).selectByVisibleText(RUN);
        click(By.id("filters:apply"));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.xpath("//tbody[@id='comments:table_data']/tr[contains(., '" + late + "')]"), 1));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='chart'] canvas")));
        WebElement deliveryRow = browser.findElement(By.xpath("//tbody[@id='countsForm:countsTable_data']/tr[contains(., 'Delivery')]"));
        assertTrue(deliveryRow.getText().contains("1 (100%)"), deliveryRow.getText());

        // Delivery off, our theme on.
        By chips = By.cssSelector("[id='comments:table_data'] tr .theme-chip");
        assertEquals(List.of("Delivery"), texts(chips));
        click(By.cssSelector("[id='comments:table_data'] tr .theme-chip .theme-remove"));
        // Counted without the implicit wait, which a search finding nothing would spend in full.
        waitFor(driver -> Browser.findNow(driver, chips).isEmpty());
        choose("comments:table:0:add", "Browser " + suffix);
        waitFor(ExpectedConditions.numberOfElementsToBe(chips, 1));
        assertEquals(List.of("Browser " + suffix), texts(chips));
        assertTrue(browser.findElement(chips).getAttribute("class").contains("theme-manual"));
        assertTrue(browser.findElement(By.id("countsForm:countsTable")).getText().contains("Browser " + suffix));
        assertTrue(!ThemesIT.counts(api.get("api/reports/themes?campaign=" + campaignId).body()).containsKey(2L),
                "delivery no longer counted");
    }

    private static List<String> texts(By by) {
        return browser.findElements(by).stream().map(e -> e.getText().replace("×", "").strip()).toList();
    }

    private static void click(By by) {
        waitForAjax();
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    /** Picks an option of a PrimeFaces select menu as a user does: open it, click the option. */
    private static void choose(String id, String label) {
        waitForAjax();
        browser.findElement(By.id(id)).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='" + id + "_panel'].ui-connected-overlay-enter-done")));
        waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']"))).click();
        waitForAjax();
    }

    private static void waitForAjax() {
        waitFor(Browser.ajaxIdle());
    }

    private static <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15), Browser.POLL).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + " on:\n" + browser.getPageSource(), e);
        }
    }
}
