package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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


    // --- points 4 and 5: forms that line up, live state (orders 400-599) ---


    // --- point 6: layout (orders 600-699) ---


    // --- point 7: what a marketer expects (orders 700-799) ---


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

    /**
     * The column's values (dates and a "12") suggest text, the attribute is a date: the preview proposes Date, says
     * why and keeps it; the run imports the good lines and rejects line 4 alone, with its reason in the page's language.
     */
    private void importWithAClashingColumnAndOneBadValue(String lang, int goodLines, String dateType, String note,
            String counts, String reason, String done, String reportHeader) {
        signInAs(lang, "MARKETER");
        width(1280);
        String run = Deployments.unique("imp8-" + lang);
        String attribute = existingDateAttribute(AudienceApi.marketer(base), run);
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

    @Test
    @Tag("import")
    @Order(801)
    void aClashingColumnIsProposedWithTheAttributesTypeAndABadValueRejectsItsLineOnlyInEnglish() {
        importWithAClashingColumnAndOneBadValue("en", 2, "Date", "Existing attribute of type Date",
                "3 of 3 lines read: 2 imported, 1 rejected", ": not a date (expected 2025-12-31 or 31/12/2025): 12", "Done",
                "line;reason;content");
    }

    @Test
    @Tag("import")
    @Order(802)
    void aClashingColumnIsProposedWithTheAttributesTypeAndABadValueRejectsItsLineOnlyInFrench() {
        importWithAClashingColumnAndOneBadValue("fr", 1, "Date", "Attribut existant de type Date",
                "2 lignes lues sur 2 : 1 import\u00e9e, 1 rejet\u00e9e",
                " : \u00ab 12 \u00bb n'est pas une date (attendu : 2025-12-31 ou 31/12/2025)", "Termin\u00e9",
                "ligne;motif;contenu");
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
        WebClient api = AudienceApi.marketer(base);
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=" + run + ".csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(202, started.statusCode(), started.body());
        ImportPage page = new ImportPage(browser, base).open("fr");
        String row = page.recentRow(run + ".csv");
        assertTrue(row.contains("En attente") || row.contains("En cours"), "still running when the page opened: " + row);
        page.waitForRecentRow(run + ".csv", "Termin\u00e9");
    }

    @Test
    @Tag("import")
    @Order(804)
    void theEnglishSampleCsvImportsWithoutARejection() throws InterruptedException {
        sampleCsvImportsWithoutARejection("en", "5 of 5 lines read: 5 imported, 0 rejected");
    }

    @Test
    @Tag("import")
    @Order(805)
    void theFrenchSampleCsvImportsWithoutARejection() throws InterruptedException {
        sampleCsvImportsWithoutARejection("fr", "5 lignes lues sur 5 : 5 import\u00e9es, 0 rejet\u00e9e");
    }

    /** The sample CSV the page links to, in the page's language, imports as it is: every line, none rejected. */
    private void sampleCsvImportsWithoutARejection(String lang, String summary) throws InterruptedException {
        signInAs(lang, "MARKETER");
        width(1280);
        ImportPage page = new ImportPage(browser, base).open(lang);
        String href = page.sampleHref();
        assertTrue(href.endsWith("en".equals(lang) ? "sample-contacts.csv" : "exemple-contacts.csv"), href);
        HttpResponse<String> sample = new WebClient(base).withHeader("Cookie", page.sessionCookies()).get(href);
        assertEquals(200, sample.statusCode(), sample.body());
        byte[] bytes = sample.body().getBytes(StandardCharsets.UTF_8);

        WebClient api = AudienceApi.marketer(base);
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


}
