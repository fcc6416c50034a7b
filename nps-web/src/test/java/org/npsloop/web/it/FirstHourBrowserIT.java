package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
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

    /** What point 1 opens: a campaign, its survey, a contact with a detractor answer (so a follow-up), a publication. */
    private record Made(String suffix, String email, String comment, String contactId, String surveyId, String surveyName,
            String campaignId, String campaignName, String publicationId, String publicationTitle) {

        static Made now(java.net.URL base) {
            String run = Deployments.unique("fh1");
            String suffix = run.substring(run.indexOf('-') + 1);
            WebClient marketer = AudienceApi.marketer(base);
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
        Made made = Made.now(base);
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
        browser.findElement(By.id("inbox:hideFlagged")).findElement(By.cssSelector(".ui-chkbox-box")).click();
        Browser.waitFor(browser, ExpectedConditions.attributeContains(By.id("lang-fr"), "href", "hideFlagged=true"));
        switchesBothWaysFromHere(layout, layout::mainText, made.comment(), Map.of("hideFlagged", "true"));
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
        Made made = Made.now(base);
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


    // --- point 3: dates and times (orders 300-399) ---


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


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
        WebClient marketer = AudienceApi.marketer(base);
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
        assertEquals(201, AudienceApi.marketer(base).sendJson("POST", "api/contacts", "{\"email\":\"" + email
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


    // --- point 8: import with per-line errors (orders 800-899) ---


    // --- point 9: publication editor (orders 900-999) ---


}
