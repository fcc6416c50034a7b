package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An executive drafts a synthesis in the admin UI (scope, live figures, a consented quote picked from
 * the list, texts), previews it, publishes it; then a fresh browser, signed in as nobody, reads it at
 * its public address, on a 360 px wide screen too.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class PublicationBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserpub");

    @Test
    @Order(1)
    void anExecutivePublishesAndAVisitorReadsItLoggedOut() {
        String suffix = RUN.substring(RUN.indexOf('-') + 1);
        WebClient api = AudienceApi.marketer(base);
        String email = RUN + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ines\",\"lastName\":\"Q"
                + suffix + "\"}").statusCode());
        String survey = CampaignApi.survey(api, RUN);
        HttpResponse<String> journey = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + RUN + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"BPUB_" + suffix.toUpperCase(Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);
        String quote = "Lovely onboarding " + suffix;
        String hidden = "Private remark " + suffix;
        int[] scores = {10, 9, 9, 6, 8};
        for (int i = 0; i < scores.length; i++) {
            String comment = i == 0 ? quote : i == 3 ? hidden : null;
            String body = "{\"email\":\"" + email + "\",\"score\":" + scores[i] + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                    + ",\"contactConsent\":" + (i != 3) + ",\"respondedAt\":\"2026-04-0" + (i + 1) + "T10:00:00Z\",\"campaignId\":" + campaign + "}";
            assertEquals(201, api.sendJson("POST", "api/responses", body).statusCode());
        }
        signInAsNewExecutive(RUN + "-x");

        browser.get(base + "publications/index.xhtml?lang=en");
        browser.findElement(By.id("new")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("publication:title")));
        String title = "April " + suffix;
        browser.findElement(By.id("publication:title")).sendKeys(title);
        browser.findElement(By.cssSelector("label[for='publication:language:0']")).click(); // EN
        type(By.id("publication:from_input"), "2026-04-01");
        type(By.id("publication:to_input"), "2026-04-30");
        Browser.choose(browser, "publication:campaign", RUN);
        Browser.click(browser, By.id("publication:refresh"));

        // Live figures of the scope: 3 promoters, 1 passive, 1 detractor of 5 = +40; only consented comments listed.
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("liveNps"), "+40"));
        By candidate = By.xpath("//tbody[@id='publication:candidates_data']/tr[contains(., '" + quote + "')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(candidate));
        // The campaign's choice and "Refresh" are two Ajax requests: the first answer already shows the figures and the
        // list, which the second draws again. Read and click what the last one drew.
        Browser.settle(browser);
        assertFalse(Browser.text(browser, By.id("publication:candidates")).contains(hidden));
        Browser.click(browser, By.xpath("//tbody[@id='publication:candidates_data']/tr[contains(., '" + quote + "')]//button"));
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("publication:chosen"), quote));
        // The published wording can be edited; an email typed into it is masked when saved (and published).
        WebElement wording = browser.findElement(By.id("publication:chosen:0:wording"));
        assertEquals(quote, wording.getAttribute("value"), "the wording starts as the (masked) comment");
        wording.clear();
        wording.sendKeys("Lovely onboarding, write to " + email + " " + suffix);
        String published = "Lovely onboarding, write to [\u2026] " + suffix;

        browser.findElement(By.id("publication:toldUs")).sendKeys("Onboarding is clear " + suffix);
        browser.findElement(By.id("publication:doing")).sendKeys("We keep the welcome call " + suffix);
        browser.findElement(By.id("publication:save")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("id="));
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("status"), "Draft"));
        assertTrue(browser.findElement(By.id("publication:chosen")).getText().contains(quote), "the quote was saved with the draft");
        assertEquals(published, browser.findElement(By.id("publication:chosen:0:wording")).getAttribute("value"),
                "the edited wording, stored masked");

        // The preview is the public page with a banner, and today's figures.
        String editor = browser.getCurrentUrl();
        browser.get(browser.findElement(By.id("publication:preview")).getAttribute("href"));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("preview-banner")));
        assertEquals("+40", browser.findElement(By.id("nps")).getText());
        browser.get(editor);

        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.id("publication:publishYes")));
        browser.findElement(By.id("publication:publishYes")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("status"), "Published"));
        String publicUrl = browser.findElement(By.id("publication:publicUrl")).getAttribute("href");
        assertTrue(publicUrl.matches(".*/p/april-[a-z0-9]+-[A-Za-z0-9_-]{22}"), publicUrl);
        assertTrue(browser.findElement(By.id("history")).getText().contains("Published"));

        ChromeDriver visitor = visitor();
        visitor.get(publicUrl);
        assertEquals(title, visitor.findElement(By.id("title")).getText());
        assertFalse(visitor.getCurrentUrl().contains("login"), "no login asked");
        assertEquals("+40", visitor.findElement(By.id("nps")).getText());
        String text = visitor.findElement(By.tagName("main")).getText();
        assertTrue(text.contains(published) && !text.contains(quote) && text.contains("Onboarding is clear " + suffix) && text.contains("We keep the welcome call"),
                text);
        assertFalse(text.contains(hidden) || text.contains(email) || text.contains("Q" + suffix) || text.contains("Ines"), text);
        assertTrue(visitor.findElement(By.cssSelector("svg.trend")).isDisplayed());
        // A phone screen: nothing wider than the viewport.
        visitor.manage().window().setSize(new Dimension(360, 800));
        long overflow = (Long) visitor.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "no horizontal scrolling at 360 px");
        visitor.findElement(By.id("all-publications")).click();
        WebElement listed = visitor.findElement(By.linkText(title));
        assertTrue(listed.getAttribute("href").equals(publicUrl), listed.getAttribute("href"));
    }

    /** Sets a date picker's text field (the picker prefills it; typing would append). */
    private void type(By field, String text) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(field), text);
    }

    /** Creates an EXECUTIVE through the API, signs in as them and chooses their password. */
    private void signInAsNewExecutive(String name) {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        admin.sendJson("POST", "api/users", "{\"username\":\"" + name + "\",\"roles\":[\"EXECUTIVE\"],\"password\":\"Temporary-pass-1\"}");
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("j_username")).sendKeys(name);
        browser.findElement(By.id("j_password")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("/account/password.xhtml"));
        browser.findElement(By.id("passwordForm:current")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("passwordForm:newPassword")).sendKeys("Executive-pass-42");
        browser.findElement(By.id("passwordForm:confirmation")).sendKeys("Executive-pass-42");
        browser.findElement(By.id("passwordForm:submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }
}
