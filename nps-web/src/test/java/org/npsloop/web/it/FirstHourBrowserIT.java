package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.StaleElementReferenceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The first hour of a new user, in the browser, in French and English, as MARKETER, EXECUTIVE and ADMIN at
 * 1280 and 1920 px: one deployment and one browser for all of it (issue 12). Each point of the issue has
 * its own region below, its tests ordered within its own hundred (point N: {@code @Order(N * 100 + k)}).
 * Each test starts on the dashboard ({@link #signInAs}, as a user of its roles made once for the class, in that
 * user's session if still open, or a new user where it changes what the user keeps) and creates its own data (names
 * from {@link Deployments#unique}), so it passes alone or in any order.
 */
class FirstHourBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    /**
     * The user of each set of roles, made by the first test that signs in with them: no test changes what a user
     * keeps between sessions (their zone, their password), except through {@link #signInAsNewUserIn}.
     */
    private static final Map<List<String>, String> USERS = new java.util.HashMap<>();

    /**
     * The session cookies of each user of {@link #USERS} once signed in: a test that is not about signing in goes on
     * with its user's session, which saves the sign-in (its pages and a PBKDF2 hash, about a second each time).
     * {@link #theSignInPageSwitchesLanguageAndStillLeadsToThePageAskedFor} signs in through the page itself.
     */
    private static final Map<String, java.util.Set<org.openqa.selenium.Cookie>> SESSIONS = new java.util.HashMap<>();

    /**
     * Forgets the previous test's cookies, then opens the dashboard in this UI language as the class's user of these
     * roles (made at first use), in their session of an earlier test if it is still open, else signed in afresh:
     * without making and setting up a user each time.
     */
    void signInAs(String lang, String... roles) {
        String user = USERS.get(List.of(roles));
        if (user == null) {
            user = signInAsNewUserIn(lang, roles);
            USERS.put(List.of(roles), user);
        } else if (!resumeSession(user, lang)) {
            signInAgain(user, lang);
        }
        SESSIONS.put(user, browser.manage().getCookies());
    }

    /** The dashboard in this language in {@code user}'s session kept by {@link #signInAs}; false if it has ended. */
    private boolean resumeSession(String user, String lang) {
        java.util.Set<org.openqa.selenium.Cookie> cookies = SESSIONS.get(user);
        if (cookies == null) {
            return false;
        }
        browser.manage().deleteAllCookies();
        if (!browser.getCurrentUrl().startsWith(base.toString())) {
            browser.get(base + "login.xhtml"); // cookies are only added for the page's own site
        }
        cookies.forEach(browser.manage()::addCookie);
        browser.get(base + "index.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("logout")),
                ExpectedConditions.presenceOfElementLocated(By.id("j_username"))));
        if (Browser.findNow(browser, By.id("logout")).isEmpty()) {
            return false;
        }
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
        return true;
    }

    /** Forgets the previous test's session, then signs in as a new user with these roles, in this UI language; their name. */
    String signInAsNewUserIn(String lang, String... roles) {
        browser.manage().deleteAllCookies();
        String name = Deployments.unique("first-" + String.join("-", roles).toLowerCase());
        signInAsNewUser(name, roles);
        browser.get(base + "index.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
        return name;
    }

    /** One MARKETER API key for the class's set-up calls: issuing one costs an administrator's sign-in (a PBKDF2 hash). */
    private static WebClient marketer;

    WebClient marketer() {
        if (marketer == null) {
            marketer = AudienceApi.marketer(base);
        }
        return marketer;
    }

    /** Sets the window's width (1280 or 1920 px in these tests). */
    void width(int pixels) {
        browser.manage().window().setSize(new Dimension(pixels, 1000));
    }

    // --- point 1: language switch (orders 100-199) ---

    /** What point 1 opens: a campaign, its survey, a contact with a detractor answer (so a follow-up), a publication. */
    private record Made(String suffix, String email, String comment, String contactId, String surveyId, String surveyName,
            String campaignId, String campaignName, String publicationId, String publicationTitle) {

        static Made now(java.net.URL base, WebClient marketer) {
            String run = Deployments.unique("fh1");
            String suffix = run.substring(run.indexOf('-') + 1);
            String email = run + "@exemple.fr";
            String contactId = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email
                    + "\",\"firstName\":\"Zo\u00e9\",\"lastName\":\"L" + suffix + "\",\"language\":\"FR\"}"));
            String surveyName = "Survey " + run;
            String surveyId = CampaignApi.survey(marketer, surveyName);
            String campaignName = "Campaign " + run;
            String campaignId = AudienceApi.id(marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + campaignName
                    + "\",\"surveyId\":" + surveyId + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"FH_" + suffix.toUpperCase()
                    + "\",\"triggerDelayDays\":7}"));
            String comment = "Attente trop longue au t\u00e9l\u00e9phone " + suffix;
            var answered = marketer.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":3,\"comment\":\""
                    + comment + "\",\"contactConsent\":true,\"channel\":\"PHONE\",\"respondedAt\":\""
                    + Instant.now().minusSeconds(600) + "\",\"campaignId\":" + campaignId + "}");
            assertEquals(201, answered.statusCode(), answered.body());
            String title = "Bilan " + run;
            String publicationId = AudienceApi.id(AudienceApi.withKey(base, "EXECUTIVE").sendJson("POST", "api/publications",
                    "{\"title\":\"" + title + "\",\"language\":\"EN\",\"from\":\"" + LocalDate.now().minusDays(30)
                    + "\",\"to\":\"" + LocalDate.now() + "\",\"campaignId\":" + campaignId + ",\"granularity\":\"WEEK\","
                    + "\"whatYouToldUs\":\"Told\",\"whatWeAreDoing\":\"Doing\",\"quoteIds\":[]}"));
            return new Made(suffix, email, comment, contactId, surveyId, surveyName, campaignId, campaignName, publicationId, title);
        }
    }

    /**
     * Opens {@code page}, switches EN to FR to EN and checks after each click: the same page and parameters, the
     * object still shown ({@code shown} in the main part), the menu in the new language.
     */
    private void switchesBothWays(LayoutPage layout, String page, java.util.function.Supplier<String> shown, String expected) {
        browser.get(base + page);
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        switchesBothWaysFromHere(layout, shown, expected);
    }

    private void switchesBothWaysFromHere(LayoutPage layout, java.util.function.Supplier<String> shown, String expected) {
        switchesBothWaysFromHere(layout, shown, expected, Map.of());
    }

    /**
     * As above on a page changed since it opened (an Ajax postback): the switch also carries {@code changed}, the
     * parameters of that change (a value null: any value).
     */
    private void switchesBothWaysFromHere(LayoutPage layout, java.util.function.Supplier<String> shown, String expected,
            Map<String, String> changed) {
        String path = layout.path();
        Map<String, String> parameters = new java.util.TreeMap<>(layout.parameters());
        parameters.putAll(changed);
        assertTrue(shown.get().contains(expected), path + " shows " + expected + " first: " + shown.get());
        for (String language : List.of("fr", "en")) {
            layout.switchTo(language);
            assertEquals(path, layout.path(), "the same page in " + language);
            Map<String, String> now = new java.util.TreeMap<>(layout.parameters());
            changed.forEach((name, value) -> {
                if (value == null && now.containsKey(name)) {
                    now.put(name, null);
                }
            });
            assertEquals(parameters, now, path + ": the same parameters in " + language);
            assertTrue(shown.get().contains(expected), path + " in " + language + " still shows " + expected + ": " + shown.get());
            assertTrue(layout.menuText().contains(language.equals("fr") ? "Tableau de bord" : "Dashboard"),
                    path + ": the menu in " + language + ": " + layout.menuText());
        }
    }

    @Test
    @Tag("layout")
    @Order(101)
    void theLanguageSwitchKeepsEveryDetailPageAndItsParameters() {
        Made made = Made.now(base, marketer());
        signInAs("en", "MARKETER", "EXECUTIVE");
        width(1280);
        LayoutPage layout = new LayoutPage(browser);

        switchesBothWays(layout, "campaigns/campaign.xhtml?id=" + made.campaignId(), layout::mainText, made.campaignName());
        switchesBothWays(layout, "campaigns/survey.xhtml?id=" + made.surveyId(),
                () -> browser.findElement(By.id("survey:name")).getAttribute("value"), made.surveyName());
        switchesBothWays(layout, "audience/contact.xhtml?id=" + made.contactId(), layout::mainText, made.email());
        switchesBothWays(layout, "publications/edit.xhtml?id=" + made.publicationId(), layout::mainText, made.publicationTitle());

        // A report with filters, one of them a text with characters that must be encoded.
        String from = LocalDate.now().minusDays(20).toString();
        String to = LocalDate.now().toString();
        switchesBothWays(layout, "reports/index.xhtml?lang=en&includeFlagged=false&period=custom&from=" + from + "&to=" + to + "&campaign="
                + made.campaignId() + "&value=a%26b+%C3%A9", () -> browser.findElement(By.id("filters:value")).getAttribute("value"),
                "a&b \u00e9");
        assertEquals(made.campaignId(), layout.parameters().get("campaign"));
        assertEquals(from, layout.parameters().get("from"));

        // The inbox filtered by its address, then by a filter changed on the page (an Ajax postback).
        switchesBothWays(layout, "responses/index.xhtml?lang=en&q=" + made.suffix(), layout::mainText, made.comment());
        browser.findElement(By.id("inbox:includeFlagged")).findElement(By.cssSelector(".ui-chkbox-box")).click();
        Browser.waitFor(browser, ExpectedConditions.attributeContains(By.id("lang-fr"), "href", "includeFlagged=false"));
        switchesBothWaysFromHere(layout, layout::mainText, made.comment(), Map.of("includeFlagged", "false"));
        assertEquals(made.suffix(), layout.parameters().get("q"));

        // Follow-ups: filtered, then one opened on the page (Ajax): both kept.
        browser.get(base + "reports/follow-ups.xhtml?lang=en&status=NEW");
        By row = By.xpath("//tbody[@id='list:table_data']/tr[contains(., '" + made.comment() + "')]");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        browser.findElement(row).findElement(By.cssSelector("button[id$=':open']")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("detailComment"), made.comment()));
        Browser.waitFor(browser, ExpectedConditions.attributeContains(By.id("lang-fr"), "href", "id="));
        java.util.Map<String, String> opened = new java.util.HashMap<>();
        opened.put("id", null);
        switchesBothWaysFromHere(layout, () -> browser.findElement(By.id("detailComment")).getText(), made.comment(), opened);
        assertEquals("NEW", layout.parameters().get("status"));
        assertTrue(layout.parameters().get("id").matches("\\d+"), layout.parameters().toString());
    }

    @Test
    @Tag("layout")
    @Order(102)
    void theSignInPageSwitchesLanguageAndStillLeadsToThePageAskedFor() {
        Made made = Made.now(base, marketer());
        signInAs("en", "MARKETER");
        String username = browser.findElement(By.cssSelector("#account .app-username")).getAttribute("textContent").strip();
        browser.manage().deleteAllCookies();
        LayoutPage layout = new LayoutPage(browser);

        // A failed sign-in says so in the language switched to.
        browser.get(base + "login.xhtml?failed=1&lang=en");
        layout.switchTo("fr");
        assertEquals(Map.of("failed", "1"), layout.parameters());
        assertEquals("Identifiant ou mot de passe incorrect.", browser.findElement(By.id("login-error")).getText());
        layout.switchTo("en");
        assertEquals(Map.of("failed", "1"), layout.parameters());
        assertEquals("Invalid user name or password.", browser.findElement(By.id("login-error")).getText());

        // Signed out, a link to a campaign (the browser asks for English): switched to French on the sign-in page.
        browser.manage().deleteAllCookies();
        browser.get(base + "campaigns/campaign.xhtml?id=" + made.campaignId());
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        assertTrue(layout.path().endsWith("/login.xhtml"), layout.path());
        layout.switchTo("fr");
        assertEquals("Se connecter", browser.findElement(By.id("login-submit")).getText());
        assertTrue(layout.path().endsWith("/login.xhtml"), layout.path());
        browser.findElement(By.id("j_username")).sendKeys(username);
        browser.findElement(By.id("j_password")).sendKeys("Marketer-pass-42");
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("campaigns/campaign.xhtml"));
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
        assertTrue(layout.mainText().contains(made.campaignName()), layout.mainText());
        assertEquals(Map.of("id", made.campaignId()), layout.parameters());
    }


    // --- point 2: every message in the user's language (orders 200-299) ---

    @Test
    @Tag("messages")
    @Order(201)
    void aFrenchMarketerReadsRequiredFieldsAndRefusalsInFrenchNamingTheField() {
        signInAs("fr", "MARKETER");
        width(1280);
        browser.get(base + "audience/lists.xhtml");
        browser.findElement(By.id("lists:create")).click();
        String required = shown(By.id("lists:messages")).getText();
        assertTrue(required.contains("Liste : ce champ est obligatoire."), required);
        assertNoEnglish(required);

        browser.findElement(By.id("lists:name")).sendKeys(Deployments.unique("liste"));
        browser.findElement(By.id("lists:create")).click();
        String unknown = Deployments.unique("inconnu") + "@exemple.fr";
        shown(By.id("members:emails")).sendKeys(unknown);
        browser.findElement(By.id("members:add")).click();
        String refused = shown(By.id("members:messages")).getText();
        assertTrue(refused.contains("aucun contact avec l\u2019adresse e-mail " + unknown)
                || refused.contains("aucun contact avec l'adresse e-mail " + unknown), refused);
        assertNoEnglish(refused);
    }

    @Test
    @Tag("messages")
    @Order(202)
    void aFrenchExecutiveReadsAnInvalidReportFilterInFrenchOnItsField() {
        signInAs("fr", "EXECUTIVE");
        width(1920);
        browser.get(base + "reports/index.xhtml?period=custom&value=or&from=2026-03-01&to=2026-01-31");
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Choisissez l'attribut auquel s'applique la valeur or"), page);
        assertTrue(page.contains("La fin de la p\u00e9riode (2026-01-31) pr\u00e9c\u00e8de son d\u00e9but (2026-03-01)"), page);
        assertNoEnglish(page);
    }

    private org.openqa.selenium.WebElement shown(By element) {
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(element));
        return browser.findElement(element);
    }

    /** Neither JSF's default English ("Validation Error") nor a service's English sentence. */
    private static void assertNoEnglish(String text) {
        for (String english : new String[] {"Validation Error", "Value is required", "no contact with", "Choose the attribute",
                "is before its start"}) {
            assertFalse(text.contains(english), "English \"" + english + "\" in: " + text);
        }
    }

    // --- point 3: dates and times (orders 300-399) ---

    /** The schedule's row of the campaign form: its input, its own message and its help. */
    private static final By SEND_AT_FIELD =
            By.xpath("//*[@id='campaign:sendAt']/ancestor::div[contains(concat(' ', @class, ' '), ' field-control ')][1]");

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
        // Their own zone changed: a user of their own.
        signInAsNewUserIn("en", "MARKETER");
        DatesPage page = new DatesPage(browser, base);
        page.chooseOwnZone("en", "America/New_York", "Dates and times are now shown in America/New_York.");
        WebClient api = marketer();
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
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(SEND_AT_FIELD,
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
        // Their own zone changed: a user of their own.
        signInAsNewUserIn("fr", "MARKETER");
        DatesPage page = new DatesPage(browser, base);
        page.chooseOwnZone("fr", "America/New_York", "Les dates et heures s\u2019affichent d\u00e9sormais dans le fuseau America/New_York.");
        WebClient api = marketer();
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
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(SEND_AT_FIELD,
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
        WebClient api = marketer();
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
        WebClient api = marketer();
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
        WebClient api = marketer();
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
            assertEquals(List.of(), Browser.findNow(browser, By.id("campaign:pause")), "nothing left to pause");
            assertEquals(List.of(), Browser.findNow(browser, By.id("campaign:cancel")));
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
        WebClient api = marketer();
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
        assertEquals(List.of(), Browser.findNow(browser, By.id("wouldInvite")), "no \"would be invited now\" for a journey");
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

    /** Every page the menu offers to these roles, at 1280 px in French and 1920 px in English: see {@link LayoutPage#assertHoldsTogether}. */
    private void everyMenuPageHoldsTogether(String... roles) {
        signInAs("fr", roles);
        LayoutPage layout = new LayoutPage(browser);
        List<String> pages = layout.menuPages();
        assertTrue(pages.size() >= 2, "the menu of " + List.of(roles) + ": " + pages);
        pages = new java.util.ArrayList<>(pages);
        pages.add(base + "account/password.xhtml");
        for (String language : List.of("fr", "en")) {
            int pixels = language.equals("fr") ? 1280 : 1920;
            width(pixels);
            for (String page : pages) {
                browser.get(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
                layout.assertHoldsTogether(List.of(roles) + " at " + pixels + " px, " + language + ", " + page);
            }
        }
    }

    @Test
    @Tag("layout")
    @Order(601)
    void everyPageOfAMarketerHoldsFrom1280To1920() {
        everyMenuPageHoldsTogether("MARKETER");
    }

    @Test
    @Tag("layout")
    @Order(602)
    void everyPageOfAnExecutiveHoldsFrom1280To1920() {
        everyMenuPageHoldsTogether("EXECUTIVE");
    }

    @Test
    @Tag("layout")
    @Order(603)
    void everyPageOfAnAdministratorHoldsFrom1280To1920() {
        everyMenuPageHoldsTogether("ADMIN");
    }

    @Test
    @Tag("layout")
    @Order(604)
    void everyPageOfAUserOfAllRolesHoldsFrom1280To1920() {
        everyMenuPageHoldsTogether("MARKETER", "EXECUTIVE", "ADMIN");
    }

    @Test
    @Tag("layout")
    @Order(605)
    void longEmailsDatesAndCommentsStayReadableInTables() {
        String run = Deployments.unique("fh6");
        String suffix = run.substring(run.indexOf('-') + 1);
        String email = "first-hour.a-rather-long-mailbox-name-" + suffix + "@customer-service.subsidiary.exemple.fr";
        String comment = "D\u00e9but " + suffix + " " + "le conseiller a \u00e9t\u00e9 tr\u00e8s aimable mais ".repeat(12) + "fin.";
        WebClient marketer = marketer();
        assertEquals(201, marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Marie-"
                + suffix + "\",\"lastName\":\"Delacroix-Fontaine\"}").statusCode());
        assertEquals(201, marketer.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":4,\"comment\":\""
                + comment + "\",\"channel\":\"PHONE\",\"respondedAt\":\"" + Instant.now().minusSeconds(60) + "\"}").statusCode());
        signInAs("fr", "MARKETER", "EXECUTIVE");
        LayoutPage layout = new LayoutPage(browser);
        for (int pixels : new int[] {1280, 1920}) {
            width(pixels);
            // The contacts list: the whole email and the whole date.
            browser.get(base + "audience/index.xhtml");
            browser.findElement(By.id("contacts:text")).sendKeys(email);
            By row = By.xpath("//tbody[@id='contacts:table_data']/tr[contains(., '" + suffix + "')]");
            Browser.waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.xpath("//tbody[@id='contacts:table_data']/tr"), 1));
            Browser.settle(browser); // the table the last search drew (keys typed slowly can send more than one)
            WebElement found = browser.findElement(row);
            assertTrue(found.getText().contains(email), "the whole email: " + found.getText());
            Number emailLines = (Number) browser.executeScript("return arguments[0].getClientRects().length;",
                    found.findElement(By.linkText(email)));
            assertEquals(1, emailLines.intValue(), "the email on one line");
            layout.assertHoldsTogether("contacts at " + pixels);

            // The inbox: the comment on two lines at most, all of it in its tooltip; the date on one line.
            browser.get(base + "responses/index.xhtml?q=" + suffix);
            WebElement cell = browser.findElement(By.cssSelector("#inbox\\:table_data tr .truncate"));
            assertEquals(comment, cell.getAttribute("title"));
            assertTrue(cell.getRect().getHeight() < 3 * 22, "two lines at most: " + cell.getRect());
            assertTrue(cell.getRect().getWidth() > 150, "a readable column: " + cell.getRect());
            Number dateLines = (Number) browser.executeScript(
                    "return document.querySelector('#inbox\\\\:table_data tr time').getClientRects().length;");
            assertEquals(1, dateLines.intValue(), "the date on one line");
            layout.assertHoldsTogether("inbox at " + pixels);
        }
    }

    @Test
    @Tag("layout")
    @Order(606)
    void thePhoneEntryOpensInADialogOverTheInboxWithTheScoresOnOneLine() {
        String run = Deployments.unique("fh6p");
        String suffix = run.substring(run.indexOf('-') + 1);
        String email = run + "@exemple.fr";
        String lastName = "P" + suffix;
        assertEquals(201, marketer().sendJson("POST", "api/contacts", "{\"email\":\"" + email
                + "\",\"firstName\":\"Paul\",\"lastName\":\"" + lastName + "\"}").statusCode());
        signInAs("fr", "MARKETER");
        for (int pixels : new int[] {1280, 1920}) {
            width(pixels);
            browser.get(base + "responses/index.xhtml");
            // The inbox is the page; the entry waits in a dialog.
            assertTrue(browser.findElement(By.id("inbox:table")).isDisplayed());
            assertTrue(!browser.findElement(By.id("entry:save")).isDisplayed(), "the entry form closed at first");
            browser.findElement(By.id("inbox:openEntry")).click();
            Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("entry:save")));
            Object onTop = browser.executeScript("const d = document.getElementById('entryDialog').getBoundingClientRect();"
                    + "const e = document.elementFromPoint(d.left + d.width / 2, d.top + 20);"
                    + "return e !== null && document.getElementById('entryDialog').contains(e);");
            assertEquals(Boolean.TRUE, onTop, "the dialog over the inbox");
            // The eleven scores side by side.
            List<WebElement> labels = browser.findElements(By.cssSelector("#entry\\:score label"));
            assertEquals(11, labels.size());
            int top = labels.get(0).getRect().getY();
            for (WebElement label : labels) {
                assertTrue(Math.abs(label.getRect().getY() - top) <= 2, "score " + label.getText() + " on the line of 0");
            }
            assertTrue(labels.get(10).getRect().getX() > labels.get(9).getRect().getX(), "10 right of 9");
            if (pixels == 1280) {
                browser.findElement(By.id("entry:contact_input")).sendKeys(lastName);
                By suggestion = By.xpath("//*[@id='entry:contact_panel']//li[contains(., '" + email + "')]");
                Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(suggestion));
                browser.findElement(suggestion).click();
                browser.findElement(By.cssSelector("label[for='entry:score:9']")).click();
                String comment = "Tr\u00e8s bon accueil " + suffix;
                browser.findElement(By.id("entry:comment")).sendKeys(comment);
                browser.findElement(By.id("entry:save")).click();
                Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("entry:entryMessages"), "enregistr\u00e9e"));
                Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:table"), comment));
                browser.findElement(By.id("entry:closeEntry")).click();
                Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("entry:save")));
            }
        }
    }


    // --- point 7: what a marketer expects (orders 700-799) ---

    static Stream<Arguments> theFirstStepsTickThemselvesOffAndLeadWhereEachIsTaken() {
        return Stream.of(Arguments.of("fr", "Premiers pas : tout est fait (5 sur 5)", "Fait"),
                Arguments.of("en", "First steps: all done (5 of 5)", "Done"));
    }

    /**
     * Each of the five steps taken (through the API, as any client may), the marketer's checklist shows them
     * all done and folds away; unfolded, each step leads to the page where it is taken. Other tests share the
     * database, so a step not done cannot be asserted here (OnboardingTest covers it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    @Tag("marketer")
    @Order(701)
    void theFirstStepsTickThemselvesOffAndLeadWhereEachIsTaken(String lang, String title, String done) {
        String run = Deployments.unique("hour7");
        WebClient api = marketer();
        String email = run + "@exemple.fr";
        String list = CampaignApi.listOf(api, run, List.of(email));
        String survey = CampaignApi.survey(api, run);
        HttpResponse<String> test = api.sendJson("POST", "api/surveys/" + survey + "/test", "{\"to\":\"" + run + "-qa@acme.example\"}");
        assertEquals(200, test.statusCode(), test.body());
        CampaignApi.sendNow(api, run, survey, list);
        MarketerPages.answer(api, email, 9);

        signInAs(lang, "MARKETER");
        width(1280);
        assertEquals(title, MarketerPages.checklistTitle(browser));
        assertFalse(MarketerPages.step(browser, "IMPORT_CONTACTS").isDisplayed(), "all done: folded away");
        MarketerPages.unfold(browser);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("IMPORT_CONTACTS", "/audience/import.xhtml");
        pages.put("CREATE_SURVEY", "/campaigns/surveys.xhtml");
        pages.put("SEND_TEST", "/campaigns/surveys.xhtml");
        pages.put("LAUNCH_CAMPAIGN", "/campaigns/index.xhtml");
        pages.put("SEE_ANSWERS", "/responses/index.xhtml");
        assertEquals(List.copyOf(pages.keySet()), browser.findElements(By.cssSelector("#onboarding li")).stream()
                .map(li -> li.getAttribute("data-step")).toList(), "a marketer's five steps, in order");
        pages.forEach((step, page) -> {
            WebElement item = MarketerPages.step(browser, step);
            assertTrue(item.getAttribute("class").contains("done"), step);
            assertEquals(done, MarketerPages.text(item.findElement(By.className("state"))), step);
            assertTrue(item.findElement(By.tagName("a")).getAttribute("href").endsWith(page), step + " leads to " + page);
        });
        MarketerPages.step(browser, "SEND_TEST").findElement(By.tagName("a")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("/campaigns/surveys.xhtml"));
    }

    static Stream<Arguments> theHomeCharts() {
        return Stream.of(
                Arguments.of("en", "EXECUTIVE", "NPS over the last 12 months", "Answers per day, last 30 days", "/reports/index.xhtml"),
                Arguments.of("fr", "EXECUTIVE", "NPS des 12 derniers mois", "Réponses par jour, 30 derniers jours", "/reports/index.xhtml"),
                Arguments.of("fr", "MARKETER", "NPS des 12 derniers mois", "Réponses par jour, 30 derniers jours", "/responses/index.xhtml"));
    }

    /** A home page (an executive's, a marketer's): the NPS trend and the answers of the last 30 days drawn, and the steps of their role. */
    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource
    @Tag("marketer")
    @Order(703)
    void theHomeCharts(String lang, String role, String trendTitle, String answersTitle, String answersPage) {
        String run = Deployments.unique("charts7");
        WebClient api = marketer();
        String email = run + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}").statusCode());
        MarketerPages.answer(api, email, 10);

        signInAs(lang, role);
        width(1280);
        assertEquals(trendTitle, MarketerPages.text(browser.findElement(By.id("trend-title"))));
        assertEquals(answersTitle, MarketerPages.text(browser.findElement(By.id("answers-title"))));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answersChart canvas")));
        assertEquals(1, browser.findElements(By.cssSelector("#trendChart canvas")).size(), "the trend drawn by Chart.js");
        assertTrue(Browser.findNow(browser, By.id("noAnswers")).isEmpty(), "an answer today: no empty-state text");
        // Side by side at 1280 px.
        WebElement trend = browser.findElement(By.cssSelector("#trendChart canvas"));
        WebElement answers = browser.findElement(By.cssSelector("#answersChart canvas"));
        assertEquals(trend.getLocation().getY(), answers.getLocation().getY(), 40, "the two charts on one row");

        MarketerPages.unfold(browser);
        WebElement see = MarketerPages.step(browser, "SEE_ANSWERS");
        assertTrue(see.getAttribute("class").contains("done"), "an answer exists");
        assertTrue(see.findElement(By.tagName("a")).getAttribute("href").endsWith(answersPage));
        if ("EXECUTIVE".equals(role)) {
            assertEquals(List.of("SEE_ANSWERS", "PUBLISH_SYNTHESIS"), browser.findElements(By.cssSelector("#onboarding li")).stream()
                    .map(li -> li.getAttribute("data-step")).toList(), "an executive's steps only");
            assertTrue(MarketerPages.step(browser, "PUBLISH_SYNTHESIS").findElement(By.tagName("a")).getAttribute("href")
                    .endsWith("/publications/index.xhtml"));
        }
    }

    static Stream<Arguments> aContactIsEditedOnItsPage() {
        return Stream.of(Arguments.of("en", "English", "French", "Contact saved.", "1234.5"),
                Arguments.of("fr", "Anglais", "Français", "Contact enregistré.", "1 234,5"));
    }

    /** Names, language and typed attributes changed on the contact page; a value that does not fit is refused on its field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    @Tag("marketer")
    @Order(706)
    void aContactIsEditedOnItsPage(String lang, String english, String french, String saved, String number) {
        String run = Deployments.unique("edit7");
        String suffix = run.substring(run.indexOf('-') + 1);
        String plan = "plan_" + suffix;
        String seats = "seats_" + suffix;
        String renewal = "renewal_" + suffix;
        WebClient api = marketer();
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"firstName\":\"Lou\","
                + "\"language\":\"EN\",\"attributes\":{\"" + plan + "\":\"Pro\",\"" + seats + "\":12,\"" + renewal + "\":\"2027-01-31\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = AudienceApi.id(created);

        signInAs(lang, "MARKETER");
        width(1280);
        browser.get(base + "audience/contact.xhtml?id=" + id);
        WebElement first = browser.findElement(By.id("edit:firstName"));
        assertEquals("Lou", first.getAttribute("value"));
        assertEquals("12", MarketerPages.inputLabelled(browser, seats).getAttribute("value"), "a number as typed, not 12.0");
        assertEquals("2027-01-31", MarketerPages.inputLabelled(browser, renewal).getAttribute("value"));
        assertEquals(english, MarketerPages.text(browser.findElement(By.id("edit:language_label"))));

        first.clear();
        first.sendKeys("Louise");
        MarketerPages.choose(browser, "edit:language", french);
        WebElement seatsInput = MarketerPages.inputLabelled(browser, seats);
        seatsInput.clear();
        seatsInput.sendKeys("many");
        browser.findElement(By.id("edit:save")).click();

        // Refused on its field; what was typed stays, nothing is saved.
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edit .ui-message-error")));
        seatsInput = MarketerPages.inputLabelled(browser, seats);
        assertEquals("many", seatsInput.getAttribute("value"));
        assertTrue(MarketerPages.errorNextTo(seatsInput).contains("many"), MarketerPages.errorNextTo(seatsInput));
        assertEquals("Louise", browser.findElement(By.id("edit:firstName")).getAttribute("value"));
        assertTrue(api.get("api/contacts/" + id).body().contains("\"firstName\":\"Lou\""), "not saved");

        seatsInput.clear();
        seatsInput.sendKeys(number);
        WebElement planInput = MarketerPages.inputLabelled(browser, plan);
        planInput.clear();
        browser.findElement(By.id("edit:save")).click();
        // Shown once, by the page's messages or the growl (which never repeats what the page shows).
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), saved));
        String stored = api.get("api/contacts/" + id).body();
        assertTrue(stored.contains("\"firstName\":\"Louise\""), stored);
        assertTrue(stored.contains("\"language\":\"FR\""), stored);
        assertTrue(stored.contains("\"" + seats + "\":1234.5"), stored);
        assertTrue(stored.contains("\"" + renewal + "\":\"2027-01-31\""), "the date kept: " + stored);
        assertFalse(stored.contains("\"" + plan + "\""), "emptied: removed from the contact: " + stored);
        assertEquals("1234.5", MarketerPages.inputLabelled(browser, seats).getAttribute("value"));
    }

    /** A list and a segment of three contacts: the pages say how many each holds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"fr, Contacts, Membres", "en, Contacts, Members"})
    @Tag("marketer")
    @Order(708)
    void listsAndSegmentsShowHowManyContactsTheyHold(String lang, String segmentHeader, String listHeader) {
        String run = Deployments.unique("counts7");
        WebClient api = marketer();
        String list = CampaignApi.listOf(api, run, List.of(run + "-a@exemple.fr", run + "-b@exemple.fr", run + "-c@exemple.fr"));
        HttpResponse<String> segment = api.sendJson("POST", "api/segments", "{\"name\":\"" + run + "\",\"rule\":"
                + "{\"type\":\"list\",\"listId\":" + list + ",\"member\":true}}");
        assertEquals(201, segment.statusCode(), segment.body());

        signInAs(lang, "MARKETER");
        width(1280);
        browser.get(base + "audience/lists.xhtml");
        WebElement listRow = browser.findElement(By.xpath("//tbody[@id='table_data']/tr[td[normalize-space(.)='" + run + "']]"));
        assertEquals("3", MarketerPages.text(listRow.findElement(By.xpath(".//span[contains(@id, ':members')]"))));
        assertTrue(browser.findElements(By.xpath("//thead[@id='table_head']//th[normalize-space(.)='" + listHeader + "']")).size() == 1);

        browser.get(base + "audience/segments.xhtml");
        WebElement segmentRow = browser.findElement(By.xpath("//tbody[@id='saved:table_data']/tr[td[normalize-space(.)='" + run + "']]"));
        assertEquals("3", MarketerPages.text(segmentRow.findElement(By.xpath(".//span[contains(@id, ':size')]"))));
        assertTrue(browser.findElements(By.xpath("//thead[@id='saved:table_head']//th[normalize-space(.)='" + segmentHeader + "']")).size() == 1);
    }


    // --- point 8: import with per-line errors (orders 800-899) ---

    /**
     * An attribute that already exists as a date (a contact carries it, through the API), named for this test alone:
     * a file's column of that name clashes with it when its values are not all dates.
     */
    private static String existingDateAttribute(WebClient api, String run) {
        String name = "since_" + run.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-seed@exemple.fr\",\"attributes\":{\""
                + name + "\":\"2024-01-15\"}}").statusCode());
        return name;
    }

    static Stream<Arguments> aClashingColumnIsProposedWithTheAttributesTypeAndABadValueRejectsItsLineOnly() {
        return Stream.of(
                Arguments.of("en", 2, "Date", "Existing attribute of type Date", "3 of 3 lines read: 2 imported, 1 rejected",
                        ": not a date (expected 2025-12-31 or 31/12/2025): 12", "Done", "line;reason;content"),
                Arguments.of("fr", 1, "Date", "Attribut existant de type Date", "2 lignes lues sur 2 : 1 import\u00e9e, 1 rejet\u00e9e",
                        " : \u00ab 12 \u00bb n'est pas une date (attendu : 2025-12-31 ou 31/12/2025)", "Termin\u00e9",
                        "ligne;motif;contenu"));
    }

    /**
     * The column's values (dates and a "12") suggest text, the attribute is a date: the preview proposes Date, says
     * why and keeps it; the run imports the good lines and rejects line 4 alone, with its reason in the page's language.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    @Tag("import")
    @Order(801)
    void aClashingColumnIsProposedWithTheAttributesTypeAndABadValueRejectsItsLineOnly(String lang, int goodLines, String dateType,
            String note, String counts, String reason, String done, String reportHeader) {
        signInAs(lang, "MARKETER");
        width(1280);
        String run = Deployments.unique("imp8-" + lang);
        String attribute = existingDateAttribute(marketer(), run);
        StringBuilder csv = new StringBuilder("email;pr\u00e9nom;" + attribute + "\n");
        csv.append(run).append("-1@exemple.fr;Ana;2025-03-01\n").append(run).append("-2@exemple.fr;Lou;12\n");
        for (int i = 3; i <= goodLines + 1; i++) {
            csv.append(run).append('-').append(i).append("@exemple.fr;Zo\u00e9;15/0").append(i).append("/2024\n");
        }
        ImportPage page = new ImportPage(browser, base).open(lang);
        String fileName = run + ".csv";
        page.upload(fileName, csv.toString());

        assertEquals(dateType, page.type(2), "the existing attribute's type is proposed");
        assertTrue(page.typeLocked(2), "and kept: the file cannot change it");
        assertTrue(page.typeNote(2).contains(note), page.typeNote(2));

        page.startAndWaitUntil(done);
        assertTrue(page.counts().contains(counts), page.counts());
        assertEquals("3 " + attribute + reason, page.rejections(), "line 3 of the file (the header is line 1), and why");
        page.waitForRecentRow(fileName, done);

        // The rejected lines' file, from the page's link, speaks the page's language whatever the browser's.
        HttpResponse<String> report = new WebClient(base).withHeader("Cookie", page.sessionCookies()).get(page.reportHref());
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains(reportHeader) && report.body().contains("3;" + attribute + reason), report.body());
    }

    /** An import started elsewhere (here by the API) while the page is open: its row follows it to the end unreloaded. */
    @Test
    @Tag("import")
    @Order(803)
    void recentImportsFollowARunningImportUntilItEndsWithoutAReload() {
        signInAs("fr", "MARKETER");
        width(1280);
        String run = Deployments.unique("imp8-poll");
        StringBuilder csv = new StringBuilder("email;nom\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(run).append('-').append(i).append("@exemple.fr;Nom ").append(i).append('\n');
        }
        WebClient api = marketer();
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=" + run + ".csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(202, started.statusCode(), started.body());
        ImportPage page = new ImportPage(browser, base).open("fr");
        String row = page.recentRow(run + ".csv");
        assertTrue(row.contains("En attente") || row.contains("En cours"), "still running when the page opened: " + row);
        page.waitForRecentRow(run + ".csv", "Termin\u00e9");
    }

    static Stream<Arguments> theSampleCsvImportsWithoutARejection() {
        return Stream.of(Arguments.of("en", "5 of 5 lines read: 5 imported, 0 rejected"),
                Arguments.of("fr", "5 lignes lues sur 5 : 5 import\u00e9es, 0 rejet\u00e9e"));
    }

    /** The sample CSV the page links to, in the page's language, imports as it is: every line, none rejected. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    @Tag("import")
    @Order(804)
    void theSampleCsvImportsWithoutARejection(String lang, String summary) throws InterruptedException {
        signInAs(lang, "MARKETER");
        width(1280);
        ImportPage page = new ImportPage(browser, base).open(lang);
        String href = page.sampleHref();
        assertTrue(href.endsWith("en".equals(lang) ? "sample-contacts.csv" : "exemple-contacts.csv"), href);
        HttpResponse<String> sample = new WebClient(base).withHeader("Cookie", page.sessionCookies()).get(href);
        assertEquals(200, sample.statusCode(), sample.body());
        byte[] bytes = sample.body().getBytes(StandardCharsets.UTF_8);

        WebClient api = marketer();
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=sample-" + lang + ".csv", "text/csv", bytes);
        assertEquals(202, started.statusCode(), started.body());
        String status = "";
        for (int i = 0; i < 80 && !status.contains("\"status\":\"DONE\"") && !status.contains("FAILED"); i++) {
            Thread.sleep(250);
            status = api.get("api/imports/" + AudienceApi.id(started)).body();
        }
        assertTrue(status.contains("\"status\":\"DONE\"") && status.contains("\"imported\":5") && status.contains("\"rejected\":0"),
                status);
        String contact = api.get("api/contacts?q=helene.dubois@example.com").body();
        assertTrue(contact.contains("\"firstName\":\"H\u00e9l\u00e8ne\""), "UTF-8 read as such: " + contact);
        // The API says the counts in the caller's language too.
        String inLanguage = api.withHeader("Accept-Language", lang)
                .send("GET", "api/imports/" + AudienceApi.id(started), "application/json", new byte[0]).body();
        assertTrue(inLanguage.contains("\"summary\":\"" + summary + "\""), inLanguage);
    }


    // --- point 9: publication editor (orders 900-999) ---

    /** A new publication opens on the latest months that have answers, its live figures counted with agreeing plurals. */
    @Test
    @Tag("publication")
    @Order(900)
    void aNewPublicationOpensOnTheLatestPeriodWithAnswers() {
        PublicationScope.withAnswers(marketer(), Deployments.unique("pub-period"), 1, "#0B5CAD");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "EXECUTIVE");
            width(1280);
            browser.get(base + "publications/edit.xhtml?lang=" + lang);
            String to = browser.findElement(By.id("publication:to_input")).getAttribute("value");
            String from = browser.findElement(By.id("publication:from_input")).getAttribute("value");
            assertTrue(PublicationScope.showsDay(to, today), "the period ends today, with the answer just given: " + to);
            assertTrue(PublicationScope.showsDay(from, today.withDayOfMonth(1).minusMonths(2)), from);
            // Live figures at once, with the noun agreeing with the count.
            String answers = browser.findElement(By.id("publication:liveResponses")).getText();
            Matcher count = Pattern.compile("([\\d\\s\u202f\u00a0,]+) (\\S+)").matcher(answers);
            assertTrue(count.matches(), answers);
            long n = Long.parseLong(count.group(1).replaceAll("[^0-9]", ""));
            assertTrue(n >= 1, answers);
            String noun = lang.equals("fr") ? (n <= 1 ? "r\u00e9ponse" : "r\u00e9ponses") : (n == 1 ? "answer" : "answers");
            assertEquals(noun, count.group(2), answers);
        }
    }

    /** "Publish?" is asked only of a form that would be published: refused fields and too few answers say why instead. */
    @Test
    @Tag("publication")
    @Order(901)
    void publishIsCheckedBeforeItIsAsked() {
        String run = Deployments.unique("pub-check");
        PublicationScope empty = PublicationScope.withAnswers(marketer(), run + "-empty", 0, "#0B5CAD");
        PublicationScope five = PublicationScope.withAnswers(marketer(), run + "-five", 5, "#0B5CAD");
        signInAs("fr", "EXECUTIVE");
        width(1920);
        browser.get(base + "publications/edit.xhtml?lang=fr");
        browser.findElement(By.id("publication:title")).clear();
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".input-with-message .ui-message-error")));
        assertFalse(publishDialogShown(), "no question for a form without a title");

        browser.findElement(By.id("publication:title")).sendKeys("Vide " + run);
        chooseCampaign(empty.campaignName);
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("publication:messages"), "Aucune r\u00e9ponse dans cette p\u00e9riode"));
        assertTrue(browser.findElement(By.id("publication:messages")).getText().contains("il en faut au moins 5"),
                browser.findElement(By.id("publication:messages")).getText());
        assertFalse(publishDialogShown(), "no question for a scope without answers");

        // Enough answers: now the question, and "Non" leaves everything as it was.
        chooseCampaign(five.campaignName);
        browser.findElement(By.id("publication:publish")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("publication:publishDialog")));
        assertTrue(browser.findElement(By.id("publication:publishDialog")).getText().contains("Publier ?"));
        browser.findElement(By.id("publication:publishNo")).click();
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("publication:publishDialog")));
        assertFalse(browser.getCurrentUrl().contains("id="), "nothing saved");
        browser.findElement(By.id("publication:refresh")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("publication:liveResponses"), "5 r\u00e9ponses"));
        assertFalse(publishDialogShown(), "the question does not come back by itself");
    }

    /**
     * The published link is the public address (the configured base URL), copied by its button; the public page wears
     * the campaign survey's brand and says "5 answers".
     */
    @Test
    @Tag("publication")
    @Order(902)
    void thePublishedLinkIsAbsoluteCopiesAndWearsTheSurveysBrand() {
        String run = Deployments.unique("pub-link");
        PublicationScope scope = PublicationScope.withAnswers(marketer(), run, 5, "#7A1F5C");
        for (String lang : List.of("en", "fr")) {
            signInAs(lang, "EXECUTIVE");
            width(lang.equals("en") ? 1920 : 1280);
            browser.get(base + "publications/edit.xhtml?lang=" + lang);
            browser.findElement(By.id("publication:title")).clear();
            browser.findElement(By.id("publication:title")).sendKeys("Link " + lang + " " + run);
            chooseCampaign(scope.campaignName);
            browser.findElement(By.id("publication:publish")).click();
            Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.id("publication:publishYes")));
            browser.findElement(By.id("publication:publishYes")).click();
            Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("publication:publicUrl")));

            WebElement link = browser.findElement(By.id("publication:publicUrl"));
            String url = link.getAttribute("href");
            assertTrue(url.startsWith(base.toString() + "p/"), "absolute, at the configured address: " + url);
            assertEquals(url, link.getText(), "the link shows the whole address");
            browser.findElement(By.id("copyLink")).click();
            Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("copyStatus"),
                    lang.equals("fr") ? "Lien copi\u00e9." : "Link copied."));
            WebElement search = browser.findElement(By.id("publication:search"));
            search.clear();
            search.sendKeys(Keys.chord(Keys.CONTROL, "v"));
            assertEquals(url, search.getAttribute("value"), "the clipboard holds the link");
            assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .noneMatch(entry -> entry.getMessage().contains("Content Security Policy")), "no CSP violation");

            ChromeDriver visitor = visitor();
            visitor.get(url);
            assertEquals(scope.brandName, visitor.findElement(By.cssSelector("header p")).getText(), "the survey's brand");
            assertTrue(visitor.findElement(By.tagName("header")).getCssValue("background-color").matches("rgba?\\(122, 31, 92(, 1)?\\)"),
                    "the survey's colour");
            assertEquals(lang.equals("fr") ? "Sur 5 r\u00e9ponses." : "Based on 5 answers.", visitor.findElement(By.id("responses")).getText());
        }
    }

    /** An ADMIN sets the brand of the public pages on the Settings page: stored, checked, worn by pages not tied to a campaign. */
    @Test
    @Tag("publication")
    @Order(903)
    void theSettingsPageSetsTheBrandOfThePublicPages() {
        String run = Deployments.unique("pub-brand");
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "ADMIN");
            width(lang.equals("fr") ? 1280 : 1920);
            browser.get(base + "admin/settings.xhtml?lang=" + lang);
            WebElement colour = browser.findElement(By.id("brand:colour"));
            colour.clear();
            colour.sendKeys("bleu");
            browser.findElement(By.id("brand:save")).click();
            Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='brand'] .ui-message-error")));

            String name = "Org " + lang + " " + run;
            browser.findElement(By.id("brand:name")).clear();
            browser.findElement(By.id("brand:name")).sendKeys(name);
            browser.findElement(By.id("brand:colour")).clear();
            browser.findElement(By.id("brand:colour")).sendKeys("#1e6b2e");
            browser.findElement(By.id("brand:save")).click();
            Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("brand:messages"),
                    lang.equals("fr") ? "Marque enregistr\u00e9e" : "Brand saved"));
            browser.navigate().refresh();
            assertEquals(name, browser.findElement(By.id("brand:name")).getAttribute("value"), "stored, not only shown");
            assertEquals("#1E6B2E", browser.findElement(By.id("brand:colour")).getAttribute("value"));

            ChromeDriver visitor = visitor();
            visitor.get(base + "p/");
            assertEquals(name, visitor.findElement(By.cssSelector("header p")).getText());
            assertTrue(visitor.findElement(By.tagName("header")).getCssValue("background-color").matches("rgba?\\(30, 107, 46(, 1)?\\)"),
                    "the colour set on the Settings page");
        }
    }

    private void chooseCampaign(String name) {
        Browser.choose(browser, "publication:campaign", name);
    }

    private boolean publishDialogShown() {
        return !Browser.findNow(browser, By.cssSelector("[id='publication:publishDialog']")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty();
    }


    // --- point 10: people behind link scanners count (orders 1000-1099) ---

    @Test
    @Tag("scanners")
    @Order(1001)
    void theInboxMarksASuspectedAnswerAndSaysWhyInTheUsersLanguage() {
        String run = Deployments.unique("scan-inbox");
        WebClient api = marketer();
        String email = run + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}").statusCode());
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":10,\"comment\":\""
                + run + "\",\"respondedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
        // As the respond page stores it when a script sends it untouched at once (RespondentBrowserIT does it in Chromium).
        assertEquals(1, Respondents.update("UPDATE response SET flagged = TRUE, flag_reason = ? WHERE id = ?",
                "sent by a script 120 ms after the page opened, untouched", Long.parseLong(AudienceApi.id(entered))));
        Map<String, String> why = Map.of(
                "fr", "Envoyée par un script 120\u00a0ms après l'ouverture de la page, sans clic ni frappe au clavier",
                "en", "Sent by a script 120\u00a0ms after the page opened, with no click or key press");
        for (String lang : List.of("fr", "en")) {
            signInAs(lang, "MARKETER");
            width(1280);
            browser.get(base + "responses/index.xhtml?lang=" + lang);
            browser.findElement(By.id("inbox:text")).sendKeys(run);
            // The search has run once the table holds this answer alone.
            By rows = By.xpath("//tbody[@id='inbox:table_data']/tr");
            Browser.waitFor(browser, driver -> {
                try {
                    List<WebElement> shown = driver.findElements(rows);
                    return shown.size() == 1 && shown.get(0).getText().contains(run);
                } catch (StaleElementReferenceException e) {
                    return false;
                }
            });
            Browser.settle(browser); // the table the last search drew (keys typed slowly can send more than one)
            WebElement found = browser.findElement(rows);
            assertTrue(found.getAttribute("class").contains("response-flagged"), found.getAttribute("class"));
            WebElement marker = found.findElement(By.className("flag-marker"));
            assertEquals(why.get(lang), marker.getAttribute("title"), lang);
            assertTrue(marker.getText().contains("fr".equals(lang) ? "Robot suspecté" : "Suspected bot"), marker.getText());
        }
    }
}
