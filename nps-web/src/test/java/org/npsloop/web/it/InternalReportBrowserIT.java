package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The report pages in a real browser: the weekly digest's settings saved from their form, the internal
 * report shown with its PDF link, and the inbox's CSV button leading to the export of its filters.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class InternalReportBrowserIT extends BrowserTestBase {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static String run;
    private static String userId;
    private static String campaign;

    @Test
    @Order(1)
    void anExecutiveSavesTheDigestSettingsFromTheForm() throws Exception {
        run = Deployments.unique("reportui");
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> user = admin.sendJson("POST", "api/users", "{\"username\":\"" + run + "\",\"displayName\":\"Report "
                + run + "\",\"email\":\"" + run + "@exemple.fr\",\"roles\":[\"EXECUTIVE\",\"MARKETER\"],\"password\":\"Temporary-pass-1\"}");
        assertEquals(201, user.statusCode(), user.body());
        userId = first(ID, user.body());

        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("j_username")).sendKeys(run);
        browser.findElement(By.id("j_password")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("/account/password.xhtml"));
        browser.findElement(By.id("passwordForm:current")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("passwordForm:newPassword")).sendKeys("Chosen-pass-42");
        browser.findElement(By.id("passwordForm:confirmation")).sendKeys("Chosen-pass-42");
        browser.findElement(By.id("passwordForm:submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:contacts")));

        browser.get(base + "reports/digest.xhtml");
        assertEquals("Weekly digest", browser.findElement(By.tagName("h1")).getText());
        if (!browser.findElement(By.cssSelector("#digest\\:enabled .ui-chkbox-box")).getAttribute("class").contains("ui-state-active")) {
            browser.findElement(By.cssSelector("#digest\\:enabled .ui-chkbox-box")).click();
        }
        // Through the hidden native selects, as CampaignBrowserIT does: no overlay to wait for.
        new Select(browser.findElement(By.id("digest:weekday_input"))).selectByVisibleText("Friday");
        new Select(browser.findElement(By.id("digest:hour_input"))).selectByVisibleText("9:00");
        browser.findElement(By.xpath("//label[contains(., '" + run + "@exemple.fr')]")).click();
        browser.findElement(By.id("digest:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("digest:messages"), "Digest settings saved."));
        String settings = admin.get("api/reports/digest").body();
        assertTrue(settings.contains("\"enabled\":true") && settings.contains("\"weekday\":\"FRIDAY\"") && settings.contains("\"hour\":9")
                && settings.contains(userId), settings);
        screenshot("digest");

        browser.findElement(By.id("digest:sendNow")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("digest:messages"), run + "@exemple.fr"));
        // Off again, so that later runs on this database send nothing to this user.
        admin.sendJson("PUT", "api/reports/digest", "{\"enabled\":false,\"weekday\":\"MONDAY\",\"hour\":8,\"recipients\":[]}");
    }

    @Test
    @Order(2)
    void theInternalReportPageShowsTheFiguresAndLinksThePdf() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String email = run + "-c@exemple.fr";
        AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ana\"}"));
        String survey = CampaignApi.survey(api, run);
        campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"ONBOARDING\",\"triggerDelayDays\":7}"));
        LocalDate day = LocalDate.now().minusDays(1);
        for (int score : new int[] {10, 9, 4}) {
            assertEquals(201, api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                    + ",\"comment\":\"Note " + score + "\",\"channel\":\"PHONE\",\"respondedAt\":\"" + day + "T10:00:00Z\",\"campaignId\":"
                    + campaign + "}").statusCode());
        }
        browser.get(base + "reports/internal.xhtml?campaign=" + campaign);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("report-nps")));
        assertEquals("+33.3", browser.findElement(By.id("report-nps")).getText());
        assertTrue(browser.findElement(By.id("downloadPdf")).getAttribute("href").contains("campaign=" + campaign));
        assertTrue(browser.findElement(By.id("downloadPdf")).getAttribute("href").contains("format=pdf"));
        assertTrue(browser.getPageSource().contains("Note 4") && browser.getPageSource().contains("Ana, contact #"));
        screenshot("report");
    }

    @Test
    @Order(3)
    void theInboxCsvButtonExportsItsFilters() {
        WebClient user = new WebClient(base);
        user.login(run, "Chosen-pass-42");
        HttpResponse<String> page = user.get("responses/index.xhtml");
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("inbox", "inbox");
        form.put("inbox:campaignFilter_input", campaign);
        form.put("inbox:exportCsv", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        form.put(WebClient.CSP_NONCE_FIELD, WebClient.cspNonce(page.body()));
        HttpResponse<String> redirect = user.postForm("responses/index.xhtml", form);
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/api/responses/export.csv?separator=%3B") && location.contains("campaign=" + campaign), location);
        HttpResponse<String> csv = user.get(location.substring(location.indexOf("api/")));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\ufeffid;responded_at;"), csv.body());
        assertEquals(4, csv.body().split("\r\n").length, csv.body());
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve("report-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + pattern + " in " + text);
        return m.group(1);
    }
}
