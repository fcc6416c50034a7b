package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

    /**
     * A marketer in New York, in English at 1280 px: an answer given at 14:05 UTC reads 9:05 AM in the inbox (its day,
     * the exact time as tooltip) and on the contact page; a recent one reads "N min ago"; the campaign schedule takes
     * the English numeric form and refuses a value typed after the picker's, keeping it on the field.
     */
    @Test
    @Tag("dates")
    @Order(301)
    void aMarketerInNewYorkReadsTimesInTheirZoneInEnglish() {
        width(1280);
        signInAs("en", "MARKETER");
        DatesPage page = new DatesPage(browser, base);
        page.chooseOwnZone("en", "America/New_York", "Dates and times are now shown in America/New_York.");
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("dates-en");
        String email = run + "@example.com";
        String contactId = DatesPage.contact(api, email);
        DatesPage.answer(api, email, "Old answer " + run, "2025-11-20T14:05:00Z");
        DatesPage.answer(api, email, "New answer " + run, java.time.Instant.now().minusSeconds(190).toString());

        page.searchInbox("en", run, 2);
        Browser.waitFor(browser, ExpectedConditions.textToBe(DatesPage.inboxTime("Old answer"), "Nov 20, 2025"));
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(DatesPage.inboxTime("Old answer"), "title", "Nov 20, 2025, 9:05 AM"));
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(DatesPage.inboxTime("Old answer"), "datetime", "2025-11-20T09:05:00-05:00"));
        Browser.waitFor(browser, ExpectedConditions.textMatches(DatesPage.inboxTime("New answer"), java.util.regex.Pattern.compile("^[34] min ago$")));
        Browser.waitFor(browser, driver -> driver.findElement(DatesPage.inboxTime("New answer")).getAttribute("title")
                .matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M"));

        browser.get(base + "audience/contact.xhtml?lang=en&id=" + contactId);
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("responses"), "Nov 20, 2025, 9:05 AM"));

        String campaign = draftCampaign(api, run, email);
        browser.get(base + "campaigns/campaign.xhtml?lang=en&id=" + campaign);
        page.type("campaign:sendAt_input", "12/31/2030 02:30 PM");
        assertEquals("12/31/2030 02:30 PM", browser.findElement(By.id("campaign:sendAt_input")).getAttribute("value"));
        browser.findElement(By.id("campaign:save")).click();
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.id("campaign:sendAt_input"), "value", "12/31/2030 14:30"));
        // Read in the campaign's own zone (Paris by default): 13:30 UTC.
        assertTrue(api.get("api/campaigns/" + campaign).body().contains("\"scheduledAt\":\"2030-12-31T13:30:00Z\""),
                api.get("api/campaigns/" + campaign).body());

        String concatenated = "12/31/2030 14:3012/31/2030";
        page.type("campaign:sendAt_input", concatenated);
        assertEquals(concatenated, browser.findElement(By.id("campaign:sendAt_input")).getAttribute("value"));
        browser.findElement(By.id("campaign:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("campaign:messages"),
                "Send at: \u201c" + concatenated + "\u201d is not a date and time that exists. Type it like 12/31/2026 14:30"));
        assertEquals(concatenated, browser.findElement(By.id("campaign:sendAt_input")).getAttribute("value"));
        assertTrue(api.get("api/campaigns/" + campaign).body().contains("\"scheduledAt\":\"2030-12-31T13:30:00Z\""));
    }

    /**
     * The same in French at 1920 px: "20 nov. 2025, 09:05" in the inbox and on the contact page, "il y a N min", the
     * sending time of a campaign in its recipients list, and the schedule typed as 31/12/2030 14:30.
     */
    @Test
    @Tag("dates")
    @Order(302)
    void aMarketerInNewYorkReadsTimesInTheirZoneInFrench() throws Exception {
        width(1920);
        signInAs("fr", "MARKETER");
        DatesPage page = new DatesPage(browser, base);
        page.chooseOwnZone("fr", "America/New_York", "Les dates et heures s\u2019affichent d\u00e9sormais dans le fuseau America/New_York.");
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("dates-fr");
        String email = run + "@exemple.fr";
        String contactId = DatesPage.contact(api, email);
        DatesPage.answer(api, email, "Ancienne " + run, "2025-11-20T14:05:00Z");
        DatesPage.answer(api, email, "Nouvelle " + run, java.time.Instant.now().minusSeconds(190).toString());

        page.searchInbox("fr", run, 2);
        Browser.waitFor(browser, ExpectedConditions.textToBe(DatesPage.inboxTime("Ancienne"), "20 nov. 2025"));
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(DatesPage.inboxTime("Ancienne"), "title", "20 nov. 2025, 09:05"));
        Browser.waitFor(browser, ExpectedConditions.textMatches(DatesPage.inboxTime("Nouvelle"), java.util.regex.Pattern.compile("^il y a [34] min$")));

        browser.get(base + "audience/contact.xhtml?lang=fr&id=" + contactId);
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("responses"), "20 nov. 2025, 09:05"));

        // A sent campaign: each recipient's sending time, relative, exact in the tooltip, in New York.
        String survey = CampaignApi.survey(api, run);
        String sent = CampaignApi.sendNow(api, run + " envoi", survey, CampaignApi.listOf(api, run + " liste", java.util.List.of(email)));
        CampaignApi.awaitStatus(api, sent, "DONE", java.time.Duration.ofSeconds(60));
        java.time.Instant sentAt = (java.time.Instant) Respondents.rows("SELECT sent_at FROM invitation WHERE campaign_id = ?",
                Long.parseLong(sent)).get(0).get("sent_at");
        browser.get(base + "campaigns/campaign.xhtml?lang=fr&id=" + sent);
        By sentTime = By.cssSelector("[id='recipientsForm:recipients'] tbody tr td time[title='" + org.npsloop.domain.text.ReadableTimes
                .dateTime(sentAt, java.time.ZoneId.of("America/New_York"), java.util.Locale.FRENCH) + "']");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(sentTime));
        String text = browser.findElement(sentTime).getText();
        assertTrue(text.equals("\u00e0 l'instant") || text.matches("il y a \\d+ min"), text);

        String draft = draftCampaign(api, run, email);
        browser.get(base + "campaigns/campaign.xhtml?lang=fr&id=" + draft);
        page.type("campaign:sendAt_input", "31/12/2030 14:30");
        browser.findElement(By.id("campaign:save")).click();
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.id("campaign:sendAt_input"), "value", "31/12/2030 14:30"));
        String garbage = "31/12/2030 14:3031/12/2030";
        page.type("campaign:sendAt_input", garbage);
        assertEquals(garbage, browser.findElement(By.id("campaign:sendAt_input")).getAttribute("value"));
        browser.findElement(By.id("campaign:save")).click();
        // (getText() reads the no-break spaces around the quoted value as spaces)
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("campaign:messages"),
                "Envoyer le : \u00ab " + garbage + " \u00bb n\u2019est pas une date et une heure qui existent. Saisissez-la comme 31/12/2026 14:30"));
        assertEquals(garbage, browser.findElement(By.id("campaign:sendAt_input")).getAttribute("value"));
    }

    /** An ADMIN sets another user's zone on the Users page; last sign-ins read as relative times with the exact one as tooltip. */
    @Test
    @Tag("dates")
    @Order(303)
    void anAdminSetsAUsersTimeZone() {
        width(1280);
        signInAs("en", "ADMIN");
        String other = Deployments.unique("zoned");
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        assertEquals(201, admin.sendJson("POST", "api/users", "{\"username\":\"" + other + "\",\"roles\":[\"EXECUTIVE\"]}").statusCode());
        browser.get(base + "admin/users.xhtml?lang=en");
        By row = By.xpath("//tbody[@id='users:table_data']/tr[.//span[@class='username' and text()='" + other + "']]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        assertTrue(browser.findElement(row).getText().contains("Report time zone (Europe/Paris)"), browser.findElement(row).getText());
        browser.findElement(row).findElement(By.cssSelector("button[id$=':zone']")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("zoneForm:saveZone")));
        browser.executeScript("PrimeFaces.getWidgetById('zoneForm:editZone').selectValue('Asia/Tokyo');");
        browser.findElement(By.id("zoneForm:saveZone")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(row, "Asia/Tokyo"));
        // The signed-in admin's own last sign-in: moments ago, exact time in the tooltip.
        By me = By.xpath("//tbody[@id='users:table_data']/tr[.//span[@class='username' and starts-with(text(), 'first-admin')]]//time");
        assertTrue(browser.findElements(me).stream().anyMatch(t -> t.getText().matches("just now|\\d+ min ago")
                && t.getAttribute("title").matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M")));
    }

    /** A draft one-off campaign of a new survey to a list holding this contact; returns its id. */
    private static String draftCampaign(WebClient api, String run, String email) {
        String survey = CampaignApi.survey(api, run + " draft");
        String list = CampaignApi.listOf(api, run + " draft list", java.util.List.of(email));
        HttpResponse<String> created = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + " draft\",\"surveyId\":"
                + survey + ",\"listId\":" + list + "}");
        assertEquals(201, created.statusCode(), created.body());
        return AudienceApi.id(created);
    }


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---


}
