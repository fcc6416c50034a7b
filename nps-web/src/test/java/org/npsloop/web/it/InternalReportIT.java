package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The internal report (HTML and PDF), the responses CSV export and the weekly digest, on PostgreSQL with
 * GreenMail and the application's clock set by the test. Known answers are entered by phone for one
 * campaign in a week of its own (far in the future, chosen per run), so the figures are exact whatever
 * earlier runs left in the database: the week has 4 promoters, 2 passives and 2 detractors (NPS +25.0,
 * margin 1.96·√(0.6875/8)·100 = 57.5), the week before 2 detractors (−100.0): a change of +125.0, significant.
 */
@Tag(OwnProcessesSuiteIT.TAG)
@Tag(OwnDeploymentLast.TAG)
@Order(2) // the clock only moves forward: this class's years (2032 and after) come after TimedCampaignsIT's
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class InternalReportIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail(ClockApplication.SMTP_PORT);

    private URL base;

    /** The application with the test clock, shared with the other class that needs one. */
    @BeforeEach
    void findTheApplication() {
        base = ClockApplication.base();
    }

    /** The digest settings (installation-wide, in the shared database) as this test found them, put back afterwards. */
    private String digestFound;
    private WebClient digestAdmin;

    /** This run's contacts' address prefix: their answers, given under the test clock years ahead, are dated back afterwards. */
    private String run;

    @AfterEach
    void dateTheAnswersBack() {
        // Left dated years ahead, they would carry the webhook's scan position there (see Webhooks).
        if (run != null) {
            Webhooks.undateResponsesOf(run + "-");
        }
    }

    @AfterEach
    void putTheDigestBack() {
        if (digestFound != null) {
            HttpResponse<String> restored = digestAdmin.sendJson("PUT", "api/reports/digest", digestFound);
            assertEquals(200, restored.statusCode(), restored.body());
        }
    }

    @Test
    void reportPdfCsvAndTheWeeklyDigestShowTheKnownAnswers() throws Exception {
        run = Deployments.unique("report");
        String suffix = run.substring(run.lastIndexOf('-') + 1);
        // A Monday of its own for this run, years ahead, so that the digest's week holds only our answers.
        LocalDate monday = LocalDate.of(2032, 1, 5).plusWeeks(Math.floorMod(System.nanoTime(), 2000));
        LocalDate previousMonday = monday.minusWeeks(1);
        LocalDate digestDay = monday.plusWeeks(1);
        setClock(monday.plusDays(6).atTime(20, 0).atZone(PARIS).toInstant());

        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> digestSettings = admin.get("api/reports/digest");
        assertEquals(200, digestSettings.statusCode(), digestSettings.body());
        digestAdmin = admin;
        digestFound = Json.object(digestSettings).toString();
        String marketerKey = key(admin, "MARKETER");
        String executiveKey = key(admin, "EXECUTIVE");
        WebClient api = new WebClient(base).withHeader("Authorization", "Bearer " + marketerKey);

        String a = run + "-a@exemple.fr";
        String b = run + "-b@exemple.fr";
        created(api.sendJson("POST", "api/contacts", "{\"email\":\"" + a + "\",\"firstName\":\"Zo\u00e9\",\"lastName\":\"Secret"
                + suffix + "\",\"language\":\"FR\"}"));
        String bId = created(api.sendJson("POST", "api/contacts", "{\"email\":\"" + b + "\",\"language\":\"EN\"}"));
        String survey = CampaignApi.survey(api, run);
        String moment = "ONBOARDING_" + suffix.toUpperCase(Locale.ROOT);
        String campaign = created(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"" + moment + "\",\"triggerDelayDays\":7}"));

        answer(api, a, 10, "Excellent accueil, \u00e9crivez-moi \u00e0 " + a, monday, 9, campaign);
        answer(api, b, 10, null, monday.plusDays(1), 10, campaign);
        answer(api, a, 9, "Rapide; efficace", monday.plusDays(2), 11, campaign);
        answer(api, b, 9, null, monday.plusDays(3), 12, campaign);
        answer(api, a, 8, "Correct mais \"lent\"\nparfois", monday.plusDays(3), 14, campaign);
        answer(api, b, 7, null, monday.plusDays(4), 9, campaign);
        answer(api, a, 6, "Prix trop \u00e9lev\u00e9", monday.plusDays(5), 9, campaign);
        answer(api, b, 3, "Livraison en retard", monday.plusDays(6), 18, campaign);
        answer(api, a, 2, "Tr\u00e8s d\u00e9\u00e7u", previousMonday.plusDays(2), 9, campaign);
        answer(api, b, 5, null, previousMonday.plusDays(4), 9, campaign);

        String filter = "campaign=" + campaign + "&from=" + monday + "&to=" + monday.plusDays(6);

        // The printable HTML page.
        HttpResponse<String> page = api.get("api/reports/internal?" + filter + "&format=html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("id=\"report-nps\">+25.0<"), html);
        assertTrue(html.contains("\u00b1 57.5"), html);
        assertTrue(html.contains("<td>Promoters (9-10)</td><td class=\"num\">4</td><td class=\"num\">50.0 %</td>"), html);
        assertTrue(html.contains("<td>Passives (7-8)</td><td class=\"num\">2</td><td class=\"num\">25.0 %</td>"), html);
        assertTrue(html.contains("<td>Detractors (0-6)</td><td class=\"num\">2</td><td class=\"num\">25.0 %</td>"), html);
        assertTrue(html.contains("Change: +125.0 (combined margin of error \u00b1 57.5)"), html);
        assertTrue(html.contains("<span class=\"significant\">significant</span>"), html);
        assertTrue(html.contains(previousMonday + " to " + previousMonday.plusDays(6) + "</td><td class=\"num\">-100.0</td>"), html);
        // Breakdowns: the campaign and its journey moment, 8 answers each (not conclusive).
        assertTrue(html.contains("<td>" + run + " *</td><td class=\"num\">+25.0</td>"), html);
        assertTrue(html.contains("<td>" + moment + " *</td><td class=\"num\">+25.0</td>"), html);
        // Verbatims by category, newest first, by first name and contact id; no email anywhere.
        String promoters = section(html, "promoter", "passive");
        String passives = section(html, "passive", "detractor");
        String detractors = section(html, "detractor", "follow");
        assertTrue(promoters.indexOf("Rapide; efficace") < promoters.indexOf("Excellent accueil"), promoters);
        assertTrue(promoters.contains("\u00e9crivez-moi \u00e0 [email]") && promoters.contains("Zo\u00e9, contact #"), promoters);
        assertTrue(passives.contains("Correct mais &quot;lent&quot;"), passives);
        assertTrue(detractors.indexOf("Livraison en retard") < detractors.indexOf("Prix trop \u00e9lev\u00e9"), detractors);
        assertTrue(detractors.contains("contact #" + bId), detractors);
        assertFalse(detractors.contains("Tr\u00e8s d\u00e9\u00e7u"), "the week before is not quoted");
        assertFalse(html.contains("@exemple.fr"), html);
        assertFalse(html.contains("Secret" + suffix), "no last name: " + html);
        // Themes and follow-ups, filled by their background workers within seconds: a theme of this run whose
        // keyword only the late delivery mentions, and the week's two detractors (6 and 3), new and not yet due.
        HttpResponse<String> theme = api.sendJson("POST", "api/themes", "{\"labelEn\":\"Lateness " + suffix
                + "\",\"labelFr\":\"Retards " + suffix + "\",\"keywordsEn\":[],\"keywordsFr\":[\"retard\"]}");
        assertEquals(201, theme.statusCode(), theme.body());
        String themeRow = "<tr><td>Lateness " + suffix + "</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">1</td></tr>";
        String followUpRow = "<tr><td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">2</td></tr>";
        waitFor(() -> {
            String now = api.get("api/reports/internal?" + filter + "&format=html").body();
            return now.contains(themeRow) && now.contains(followUpRow);
        }, "the theme and the two follow-ups in the report", 60_000);
        // Taken away again: other test classes count every theme on this shared database.
        assertEquals(204, api.sendJson("DELETE", "api/themes/" + AudienceApi.id(theme), "").statusCode());

        // The PDF: the same figures and verbatims as text.
        HttpResponse<byte[]> pdf = bytes(marketerKey, "api/reports/internal?" + filter + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("+25.0") && text.contains("\u00b1 57.5"), text);
        assertTrue(text.contains("+125.0") && text.contains("significant"), text);
        assertTrue(text.contains("Rapide; efficace") && text.contains("Livraison en retard") && text.contains("Correct mais \"lent\""), text);
        assertTrue(text.indexOf("Promoters") < text.indexOf("Rapide; efficace"), text);
        assertFalse(text.contains("@exemple.fr"), text);
        // French labels on request; an unknown format is refused.
        assertTrue(api.get("api/reports/internal?" + filter + "&lang=fr").body().contains("+25,0"));
        HttpResponse<String> badFormat = api.get("api/reports/internal?campaign=" + campaign + "&format=docx&from=yesterday");
        assertEquals(400, badFormat.statusCode(), badFormat.body());
        assertTrue(Json.refusedFields(badFormat).contains("from"), badFormat.body());

        // The CSV export: BOM, ';' by default, newest first, quoted fields, the contact's columns.
        HttpResponse<byte[]> csv = bytes(marketerKey, "api/responses/export.csv?" + filter);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        String content = new String(csv.body(), StandardCharsets.UTF_8);
        assertEquals('\ufeff', content.charAt(0), "a BOM for Excel");
        assertTrue(content.startsWith("\ufeffid;responded_at;score;category;comment;contact_consent;channel;campaign;"
                + "journey_moment;contact_id;contact_email;contact_name;flagged\r\n"), content);
        List<CSVRecord> rows = CSVParser.parse(new StringReader(content.substring(1)),
                CSVFormat.EXCEL.builder().setDelimiter(';').get()).getRecords();
        assertEquals(9, rows.size(), content);
        assertEquals(List.of("3", "detractor", "Livraison en retard"), List.of(rows.get(1).get(2), rows.get(1).get(3), rows.get(1).get(4)));
        assertEquals(b, rows.get(1).get(10));
        assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(monday.plusDays(6).atTime(18, 0).atZone(PARIS)), rows.get(1).get(1));
        assertTrue(content.contains(";\"Correct mais \"\"lent\"\"\nparfois\";"), content);
        assertTrue(content.contains(";\"Rapide; efficace\";"), content);
        assertEquals("Zo\u00e9 Secret" + suffix, rows.get(8).get(11));
        // An EXECUTIVE (without MARKETER) gets the same export without the contacts' email addresses.
        String executives = new String(bytes(executiveKey, "api/responses/export.csv?" + filter).body(), StandardCharsets.UTF_8);
        assertTrue(executives.startsWith("\ufeffid;responded_at;score;category;comment;contact_consent;channel;campaign;"
                + "journey_moment;contact_id;contact_name;flagged\r\n"), executives);
        assertFalse(executives.contains(b), executives);
        assertTrue(executives.contains("Zo\u00e9 Secret" + suffix), executives);
        String commas = new String(bytes(marketerKey, "api/responses/export.csv?" + filter + "&separator=comma&category=promoter").body(),
                StandardCharsets.UTF_8);
        assertEquals(5, commas.split("\r\n").length, commas);
        assertTrue(commas.contains(",Rapide; efficace,") && commas.contains(",\"Excellent accueil, "), commas);
        HttpResponse<String> badSeparator = api.get("api/responses/export.csv?separator=tab");
        assertEquals(400, badSeparator.statusCode());
        assertEquals(List.of("separator"), Json.refusedFields(badSeparator), badSeparator.body());

        // Roles: an ADMIN key neither reads the report nor exports; an EXECUTIVE reads the report.
        String adminKey = key(admin, "ADMIN");
        assertEquals(403, bytes(adminKey, "api/reports/internal?" + filter).statusCode());
        assertEquals(403, bytes(adminKey, "api/responses/export.csv").statusCode());
        assertEquals(200, bytes(executiveKey, "api/reports/internal?" + filter + "&format=pdf").statusCode());
        assertEquals(403, api.get("api/reports/digest").statusCode(), "marketers do not set the digest");

        // The weekly digest: an executive with an email, Mondays at 8 in the report zone.
        String recipient = run + "-exec@exemple.fr";
        HttpResponse<String> user = admin.sendJson("POST", "api/users", "{\"username\":\"" + run + "\",\"displayName\":\"Exec "
                + suffix + "\",\"email\":\"" + recipient + "\",\"roles\":[\"EXECUTIVE\"],\"password\":\"Temporary-pass-1\"}");
        assertEquals(201, user.statusCode(), user.body());
        String userId = Json.text(Json.object(user), "user.id");
        HttpResponse<String> wrong = admin.sendJson("PUT", "api/reports/digest",
                "{\"enabled\":true,\"weekday\":\"MONDAY\",\"hour\":25,\"recipients\":[987654321]}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(List.of("hour", "recipients"), Json.refusedFields(wrong).stream().sorted().toList(), wrong.body());
        HttpResponse<String> saved = admin.sendJson("PUT", "api/reports/digest",
                "{\"enabled\":true,\"weekday\":\"MONDAY\",\"hour\":8,\"recipients\":[" + userId + "]}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(List.of(userId), Json.strings(Json.object(saved), "recipients"), saved.body());
        assertEquals(List.of(true, 8L, "MONDAY"), List.of(Json.bool(Json.object(saved), "enabled"), Json.number(Json.object(saved), "hour"),
                Json.string(Json.object(saved), "weekday")), saved.body());
        String candidates = admin.get("api/reports/digest/candidates").body();
        assertEquals(recipient, Json.string(Json.only(Json.array(candidates), "", "id", userId), "email"), candidates);

        Instant slot = digestDay.atTime(LocalTime.of(8, 0)).atZone(PARIS).toInstant();
        setClock(slot.minusSeconds(60));
        Thread.sleep(1500);
        assertEquals(0, Mailbox.to(SMTP, recipient).size(), "not before Monday 8:00");
        setClock(slot.plusSeconds(30));
        waitFor(() -> Mailbox.to(SMTP, recipient).size() == 1, "the digest at Monday 8:00");
        MimeMessage digest = Mailbox.to(SMTP, recipient).get(0);
        assertEquals("Weekly NPS digest \u2014 " + monday + " to " + monday.plusDays(6), Mailbox.subject(digest));
        assertTrue(digest.getContentType().startsWith("multipart/alternative"), digest.getContentType());
        String decoded = decoded(digest);
        assertTrue(decoded.contains("NPS +25.0") && decoded.contains("\u00b1 57.5"), decoded);
        assertTrue(decoded.contains("+125.0") && decoded.contains("significant"), decoded);
        assertTrue(decoded.contains("Responses: 8"), decoded);
        assertTrue(decoded.contains("reports/internal.xhtml?from=" + monday + "&to=" + monday.plusDays(6)), decoded);
        // Exactly once, however often the workers look again, even an hour later.
        Thread.sleep(2000);
        setClock(slot.plusSeconds(3600));
        Thread.sleep(2000);
        assertEquals(1, Mailbox.to(SMTP, recipient).size(), "one digest a week");
        // The next Monday brings the next one.
        setClock(slot.plusSeconds(7 * 24 * 3600 + 10));
        waitFor(() -> Mailbox.to(SMTP, recipient).size() == 2, "the next week's digest", 60_000);

        // "Send now to me": to the signed-in user's own address.
        WebClient executive = new WebClient(base);
        assertTrue(executive.login(run, "Temporary-pass-1").endsWith("/account/password.xhtml"));
        assertEquals(302, executive.changePassword("Temporary-pass-1", "Chosen-pass-42").statusCode());
        HttpResponse<String> now = executive.sendJson("POST", "api/reports/digest/send-now", "");
        assertEquals(200, now.statusCode(), now.body());
        assertEquals(recipient, Json.string(Json.object(now), "sentTo"), now.body());
        waitFor(() -> Mailbox.to(SMTP, recipient).size() == 3, "the digest sent on request");
        assertEquals(200, executive.get("reports/digest.xhtml").statusCode());
        assertEquals(200, executive.get("reports/internal.xhtml?" + filter).statusCode());
        String shown = executive.get("reports/internal.xhtml?" + filter).body();
        assertTrue(shown.contains("id=\"report-nps\">+25.0<") && shown.contains("format=pdf"), shown);
        // Turned off: nothing more.
        assertEquals(200, admin.sendJson("PUT", "api/reports/digest",
                "{\"enabled\":false,\"weekday\":\"MONDAY\",\"hour\":8,\"recipients\":[]}").statusCode());
        setClock(slot.plusSeconds(14 * 24 * 3600 + 10));
        Thread.sleep(1500);
        assertEquals(3, Mailbox.to(SMTP, recipient).size());
    }

    private static String decoded(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(multipart.getBodyPart(i).getContent()).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /** The report's HTML between the verbatims of one category and the next heading. */
    private static String section(String html, String category, String next) {
        int start = html.indexOf("id=\"verbatims-" + category + "\"");
        int end = next.equals("follow") ? html.indexOf("Follow-ups of detractors") : html.indexOf("id=\"verbatims-" + next + "\"");
        assertTrue(start > 0 && end > start, category + " in " + html);
        return html.substring(start, end);
    }

    private void answer(WebClient api, String email, int score, String comment, LocalDate day, int hour, String campaign) {
        String at = day.atTime(hour, 0).atZone(PARIS).toInstant().toString();
        created(api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + (comment == null ? "" : ",\"comment\":\"" + comment.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")
                + ",\"channel\":\"PHONE\",\"respondedAt\":\"" + at + "\",\"campaignId\":" + campaign + "}"));
    }

    private static String created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Json.id(response);
    }

    private String key(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique(role.toLowerCase(Locale.ROOT)) + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Json.string(Json.object(issued), "secret");
    }

    private HttpResponse<byte[]> bytes(String apiKey, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(new WebClient(base).resolve(path)).header("Authorization", "Bearer " + apiKey)
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private void setClock(Instant instant) {
        HttpResponse<String> set = new WebClient(base).send("PUT", "api/test-clock", "text/plain",
                instant.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, set.statusCode(), set.body());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        waitFor(condition, what, 20_000);
    }

    private static void waitFor(BooleanSupplier condition, String what, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
