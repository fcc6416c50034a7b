package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The first hour of a new user, in the browser, in French and English, as MARKETER, EXECUTIVE and ADMIN at
 * 1280 and 1920 px: one deployment and one browser for all of it (issue 12). Each point of the issue has
 * its own region below, its tests ordered within its own hundred (point N: {@code @Order(N * 100 + k)}).
 * Each test starts from a fresh session ({@link #signInAs}) and creates its own data (names from
 * {@link Deployments#unique}), so it passes alone or in any order.
 */
class FirstHourBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    /** Forgets the previous test's session, then signs in as a new user with these roles, in this UI language. */
    void signInAs(String lang, String... roles) {
        browser.manage().deleteAllCookies();
        signInAsNewUser(Deployments.unique("first-" + String.join("-", roles).toLowerCase()), roles);
        browser.get(base + "index.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    /** Sets the window's width (1280 or 1920 px in these tests). */
    void width(int pixels) {
        browser.manage().window().setSize(new Dimension(pixels, 1000));
    }

    // --- point 1: language switch (orders 100-199) ---


    // --- point 2: every message in the user's language (orders 200-299) ---


    // --- point 3: dates and times (orders 300-399) ---


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---

    /** A marketer's draft campaign (one-off, or journey N days after an event) of a new survey to a new list; its id. */
    private String draftCampaign(WebClient api, String name, String listId, String extra) {
        String survey = CampaignApi.survey(api, name);
        return AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + name + "\",\"surveyId\":" + survey
                + ",\"listId\":" + listId + extra + "}"));
    }

    private void openCampaign(String lang, String campaign) {
        browser.get(base + "campaigns/campaign.xhtml?id=" + campaign + "&lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("status")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @Tag("forms")
    @Order(400)
    void theCampaignFormIsInLabelledSectionsEachLabelNextToItsField(String lang) {
        signInAs(lang, "MARKETER");
        width(1280);
        WebClient api = AudienceApi.marketer(base);
        String name = Deployments.unique("form");
        String list = CampaignApi.listOf(api, name, List.of(name + "@exemple.fr"));
        openCampaign(lang, draftCampaign(api, name, list, ""));

        List<String> legends = browser.findElements(By.cssSelector("#campaign\\:settings fieldset > legend")).stream()
                .map(WebElement::getText).toList();
        assertEquals("fr".equals(lang) ? List.of("Général", "Audience", "Quand", "Fenêtre d'envoi", "Relances et pression de sollicitation")
                : List.of("General", "Audience", "When", "Send window", "Reminders and survey pressure"), legends);
        assertTrue(FormPage.labelledFields(browser, "#campaign\\:settings") >= 10);
        assertEquals(List.of(), FormPage.labelsAwayFromTheirField(browser, "#campaign\\:settings"));
        // Every setting says what it does.
        assertTrue(FormPage.rowOf(browser, "campaign:fatigueDays_input").getText().contains("fr".equals(lang) ? "est écarté" : "is left out"));

        // Clicking a label puts the cursor in its field.
        browser.findElement(By.cssSelector("label[for='campaign:reminderAfterDays_input']")).click();
        assertEquals("campaign:reminderAfterDays_input", browser.switchTo().activeElement().getAttribute("id"));
        browser.findElement(By.cssSelector("label[for='campaign:name']")).click();
        assertEquals("campaign:name", browser.switchTo().activeElement().getAttribute("id"));

        // "Every contact" is disabled for a one-off campaign, and the page says why.
        assertFalse(browser.findElement(By.id("campaign:audience:2")).isEnabled());
        assertTrue(browser.findElement(By.id("campaign:allDisabled")).isDisplayed());
        assertTrue(browser.findElement(By.id("campaign:allDisabled")).getText().contains("fr".equals(lang) ? "campagnes de parcours" : "journey campaigns"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @Tag("forms")
    @Order(401)
    void aCampaignFormErrorShowsOnceOnItsFieldAndKeepsWhatWasTyped(String lang) {
        signInAs(lang, "MARKETER");
        width(1280);
        WebClient api = AudienceApi.marketer(base);
        String name = Deployments.unique("form-error");
        String list = CampaignApi.listOf(api, name, List.of(name + "@exemple.fr"));
        openCampaign(lang, draftCampaign(api, name, list, ""));
        assertEquals(List.of(), FormPage.errorsShown(browser));

        WebElement zone = browser.findElement(By.cssSelector("#campaign\\:timeZone input.ui-selectonemenu-label"));
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        browser.findElement(By.id("campaign:name")).clear();
        browser.findElement(By.id("campaign:save")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error")));
        // The empty name: one message, on the name's row, naming the field.
        List<WebElement> shown = FormPage.errorsShown(browser);
        assertEquals(1, shown.size(), () -> shown.stream().map(WebElement::getText).toList().toString());
        assertTrue(FormPage.rowOf(browser, "campaign:name").getText().contains(shown.get(0).getText()));
        assertTrue(shown.get(0).getText().contains("fr".equals(lang) ? "Nom" : "Name"), shown.get(0).getText());
        assertEquals("Mars/Olympus", browser.findElement(By.cssSelector("#campaign\\:timeZone input.ui-selectonemenu-label")).getAttribute("value"));

        // The unknown zone: one message, on the zone's row; what was typed stays.
        browser.findElement(By.id("campaign:name")).sendKeys(name);
        browser.findElement(By.id("campaign:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElement(FormPage.rowOf(browser, "campaign:timeZone"), "Mars/Olympus"));
        List<WebElement> again = FormPage.errorsShown(browser);
        assertEquals(1, again.size(), () -> again.stream().map(WebElement::getText).toList().toString());
        assertTrue(FormPage.rowOf(browser, "campaign:timeZone").getText().contains(again.get(0).getText()));
        assertEquals("Mars/Olympus", browser.findElement(By.cssSelector("#campaign\\:timeZone input.ui-selectonemenu-label")).getAttribute("value"));
        assertEquals(name, browser.findElement(By.id("campaign:name")).getAttribute("value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @Tag("forms")
    @Order(402)
    void theCampaignHeaderTurnsDoneAndItsRateAndNpsFollowTheAnswersWithoutAReload(String lang) throws Exception {
        signInAs(lang, "MARKETER");
        width(1280);
        WebClient api = AudienceApi.marketer(base);
        String name = Deployments.unique("live");
        String list = CampaignApi.listOf(api, name, List.of(name + "-1@exemple.fr", name + "-2@exemple.fr"));
        String campaign = draftCampaign(api, name, list, ",\"sendAt\":\"" + Instant.now().plusSeconds(6) + "\"");
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        try {
            openCampaign(lang, campaign);
            assertEquals("fr".equals(lang) ? "Programmée" : "Scheduled", browser.findElement(By.id("status")).getText());
            assertTrue(browser.findElement(By.id("campaign:pause")).isDisplayed());
            browser.executeScript("window.sameDocument = true;");

            Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("status"), "fr".equals(lang) ? "Terminée" : "Done"));
            Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("sent"), "2"));
            assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument === true;"), "no reload");
            assertEquals(List.of(), browser.findElements(By.id("campaign:pause")), "nothing left to pause");
            assertEquals(List.of(), browser.findElements(By.id("campaign:cancel")));
            assertEquals("1", browser.findElement(By.id("waves")).getText());
            assertEquals("0.0 %".replace(".", "fr".equals(lang) ? "," : "."), browser.findElement(By.id("campaign-rate")).getText().replace('\u00a0', ' '));
            assertEquals("—", browser.findElement(By.id("campaign-nps")).getText());

            // One of the two answers 10, minutes after the mail (not a scanner's instant click), in another tab.
            Respondents.update("UPDATE invitation SET sent_at = sent_at - INTERVAL '10 minutes' WHERE campaign_id = ?", Long.parseLong(campaign));
            String link = Respondents.scoreLinks(Mailbox.to(SMTP, name + "-1").get(0)).get(10);
            String campaignTab = browser.getWindowHandle();
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(base + link);
            Thread.sleep(1500);
            if (!browser.getCurrentUrl().contains("/thanks")) {
                browser.findElement(By.id("send")).click();
            }
            Browser.waitFor(browser, ExpectedConditions.urlContains("/thanks"));
            browser.close();
            browser.switchTo().window(campaignTab);

            Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("campaign-nps"), "+100" + ("fr".equals(lang) ? "," : ".") + "0"));
            assertEquals(("50" + ("fr".equals(lang) ? "," : ".") + "0 %"), browser.findElement(By.id("campaign-rate")).getText().replace('\u00a0', ' '));
            assertTrue(browser.findElement(By.id("campaign-moe")).getText().startsWith("±"));
            assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument === true;"), "no reload");
        } finally {
            CampaignApi.cancelUnlessDone(api, campaign);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @Tag("forms")
    @Order(403)
    void aJourneyCampaignsAudienceCheckSaysHowManyBecomeDueEachDay(String lang) {
        signInAs(lang, "MARKETER");
        width(1280);
        WebClient api = AudienceApi.marketer(base);
        String name = Deployments.unique("journey");
        List<String> people = List.of(name + "-a@exemple.fr", name + "-b@exemple.fr", name + "-c@exemple.fr");
        String list = CampaignApi.listOf(api, name, people);
        api.sendJson("POST", "api/suppressions", "{\"email\":\"" + people.get(2) + "\",\"reason\":\"UNSUBSCRIBED\"}");
        Instant now = Instant.now();
        Instant[] occurred = {now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(2))};
        for (int i = 0; i < people.size(); i++) {
            HttpResponse<String> event = api.sendJson("POST", "api/events", "{\"email\":\"" + people.get(i)
                    + "\",\"type\":\"FIRST_HOUR_SIGNUP\",\"occurredAt\":\"" + occurred[i] + "\"}");
            assertEquals(201, event.statusCode(), event.body());
        }
        openCampaign(lang, draftCampaign(api, name, list, ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"FIRST_HOUR_SIGNUP\",\"triggerDelayDays\":3"));
        browser.findElement(By.id("campaign:check")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("campaign:dueDays")));

        assertTrue(browser.findElement(By.id("campaign:forecast")).getText().contains("fr".equals(lang) ? "14 prochains jours" : "next 14 days"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#campaign\\:dueDays_data > tr"));
        assertEquals(14, rows.size());
        // Day by day in the campaign's zone (Europe/Paris): a and c three days after their event, b too.
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = now.atZone(paris).toLocalDate();
        int[] due = new int[14];
        int[] reachable = new int[14];
        for (int i = 0; i < people.size(); i++) {
            int day = (int) ChronoUnit.DAYS.between(today, occurred[i].plus(Duration.ofDays(3)).atZone(paris).toLocalDate());
            due[day]++;
            reachable[day] += i == 2 ? 0 : 1;
        }
        for (int day = 0; day < 14; day++) {
            assertEquals(due[day], Integer.parseInt(browser.findElement(By.id("campaign:dueDays:" + day + ":due")).getText()), "day " + day);
            assertEquals(reachable[day], Integer.parseInt(browser.findElement(By.id("campaign:dueDays:" + day + ":reachable")).getText()), "day " + day);
        }
        assertEquals(List.of(), browser.findElements(By.id("wouldInvite")), "no \"would be invited now\" for a journey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @Tag("forms")
    @Order(404)
    void theUsersEditorShowsThePasswordRulesFirstAndAnErrorOnceOnItsField(String lang) {
        signInAs(lang, "ADMIN");
        width(1280);
        browser.get(base + "admin/users.xhtml?lang=" + lang);
        WebElement rules = browser.findElement(By.id("users:passwordRules"));
        assertTrue(rules.isDisplayed());
        String rulesText = rules.getText();
        assertTrue(rulesText.contains("10") && rulesText.contains("200"), rulesText);
        assertEquals(List.of(), FormPage.errorsShown(browser));
        assertEquals(List.of(), FormPage.labelsAwayFromTheirField(browser, "#users\\:newUser"));

        String name = Deployments.unique("fh-user");
        browser.findElement(By.id("users:username")).sendKeys(name);
        browser.findElement(By.cssSelector("label[for='users:newRoles:1']")).click();
        browser.findElement(By.id("users:password")).sendKeys("short");
        browser.findElement(By.id("users:create")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users .ui-message-error")));
        List<WebElement> shown = FormPage.errorsShown(browser);
        assertEquals(1, shown.size(), () -> shown.stream().map(WebElement::getText).toList().toString());
        assertTrue(FormPage.rowOf(browser, "users:password").getText().contains(shown.get(0).getText()));
        assertTrue(shown.get(0).getText().contains("10"), shown.get(0).getText());
        assertEquals(name, browser.findElement(By.id("users:username")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("users:newRoles:1")).isSelected());

        // The account page shows the same rules before anything is typed.
        browser.get(base + "account/password.xhtml?lang=" + lang);
        assertEquals(rulesText, browser.findElement(By.id("passwordForm:passwordRules")).getText());
    }


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---


}
