package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 11, point 1 (and the browser half of point 9): text that people or API clients store never runs
 * as script on an admin page, and the admin UI's Content-Security-Policy breaks none of the pages.
 * <p>
 * A theme, a survey, a campaign, a segment, a list, a contact (first and last name), a comment and a
 * publication are named with two classic payloads, one that closes a script block and one that breaks out
 * of an attribute. Every admin page that shows them opens without a JavaScript dialog, shows the payload
 * as text, and logs no CSP violation (so the policy lets the page's own scripts run, Ajax included).
 */
class SecurityBrowserIT extends BrowserTestBase {

    private static final String CLOSES_SCRIPT = "</script><script>alert(1)</script>";
    private static final String LEAVES_ATTRIBUTE = "\"><img src=x onerror=alert(2)>";
    private static final String[] PAYLOADS = {CLOSES_SCRIPT, LEAVES_ATTRIBUTE};
    private static final Pattern CSP_NONCE = Pattern.compile("script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    private static final String RUN = Deployments.unique("xss");
    private static final String SUFFIX = RUN.substring(RUN.indexOf('-') + 1).replaceAll("[^a-z0-9]", "");

    /** Per payload: the ids of what was made with it. */
    private static final List<Made> MADE = new ArrayList<>();

    private record Made(String payload, String name, String contactId, String contactEmail, String surveyId, String campaignId,
            String publicationId) {
    }

    @Test
    @Order(1)
    void everythingNamedWithAPayloadIsMadeThroughTheApi() {
        WebClient marketer = AudienceApi.marketer(base);
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient executive = key(admin, "EXECUTIVE");
        for (int i = 0; i < PAYLOADS.length; i++) {
            String payload = PAYLOADS[i];
            String name = payload + " " + SUFFIX + i;
            String listId = created(marketer.sendJson("POST", "api/lists", "{\"name\":" + json(name) + ",\"description\":"
                    + json(name) + "}"));
            created(marketer.sendJson("POST", "api/segments", "{\"name\":" + json(name) + ",\"description\":" + json(name)
                    + ",\"rule\":{\"type\":\"list\",\"listId\":" + listId + ",\"member\":true}}"));
            String email = RUN + "-" + i + "@exemple.fr";
            String contactId = created(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":"
                    + json(payload) + ",\"lastName\":" + json(name) + ",\"language\":\"EN\"}"));
            String surveyId = CampaignApi.survey(marketer, name.replace("\"", "\\\""));
            String campaignId = created(marketer.sendJson("POST", "api/campaigns", "{\"name\":" + json(name) + ",\"surveyId\":"
                    + surveyId + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"XSS_" + SUFFIX.toUpperCase(Locale.ROOT) + i
                    + "\",\"triggerDelayDays\":7}"));
            // A detractor who may be contacted and quoted: a comment, a follow-up, a quote candidate.
            String responseId = created(marketer.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":3,"
                    + "\"comment\":" + json("Comment " + name) + ",\"contactConsent\":true,\"channel\":\"PHONE\",\"respondedAt\":\""
                    + java.time.Instant.now().minusSeconds(60) + "\",\"campaignId\":" + campaignId + "}"));
            String themeId = created(executive.sendJson("POST", "api/themes", "{\"labelEn\":" + json(name) + ",\"labelFr\":"
                    + json(name) + ",\"keywordsEn\":[\"zq" + SUFFIX + i + "\"],\"keywordsFr\":[]}"));
            HttpResponse<String> tagged = executive.sendJson("POST", "api/responses/" + responseId + "/themes/" + themeId, "");
            assertEquals(204, tagged.statusCode(), tagged.body());
            String publicationId = created(executive.sendJson("POST", "api/publications", "{\"title\":" + json(name)
                    + ",\"language\":\"EN\",\"from\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(30) + "\",\"to\":\""
                    + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")) + "\",\"campaignId\":" + campaignId + ",\"granularity\":\"WEEK\",\"whatYouToldUs\":"
                    + json(name) + ",\"whatWeAreDoing\":" + json(name) + ",\"quoteIds\":[" + responseId + "]}"));
            MADE.add(new Made(payload, name, contactId, email, surveyId, campaignId, publicationId));
        }
    }

    @Test
    @Order(2)
    void everyAdminPageShowsThePayloadsAsTextAndRunsNone() {
        signInAsNewUser(RUN, "MARKETER", "EXECUTIVE");
        browser.manage().logs().get(LogType.BROWSER);   // what signing in logged is not this test's concern
        List<String> names = MADE.stream().map(Made::name).toList();
        String[] all = names.toArray(String[]::new);

        visit("index.xhtml");
        visit("reports/themes.xhtml", all);
        visit("audience/lists.xhtml", all);
        visit("audience/segments.xhtml", all);
        visit("campaigns/surveys.xhtml", all);
        visit("campaigns/index.xhtml", all);
        visit("publications/index.xhtml", all);
        visit("reports/follow-ups.xhtml");
        visit("responses/index.xhtml", MADE.stream().map(m -> "Comment " + m.name()).toArray(String[]::new));
        for (Made made : MADE) {
            visit("audience/contact.xhtml?id=" + made.contactId(), made.payload(), made.name());
            visit("campaigns/survey.xhtml?id=" + made.surveyId(), made.name());
            visit("campaigns/campaign.xhtml?id=" + made.campaignId(), made.name());
            visit("publications/edit.xhtml?id=" + made.publicationId());
            visit("reports/index.xhtml?campaign=" + made.campaignId(), made.name());
            visit("reports/breakdowns.xhtml?campaign=" + made.campaignId());
            visit("reports/internal.xhtml?campaign=" + made.campaignId(), made.name());
        }

        // The Comments chart: its theme labels are data of the chart, whole, not markup of the page.
        visit("reports/comments.xhtml", MADE.stream().map(m -> "Comment " + m.name()).toArray(String[]::new));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.executeScript("var canvas = document.querySelector('#chart canvas');"
                + "if (window.Chart && Chart.getChart && Chart.getChart(canvas)) { return Chart.getChart(canvas).data.labels; }"
                + "for (var k in PrimeFaces.widgets) { var w = PrimeFaces.widgets[k];"
                + "  if (w && w.id === 'chart' && w.chart) { return w.chart.data.labels; } }"
                + "return null;");
        assertTrue(labels != null && labels.containsAll(names), "the chart's labels " + labels + " hold " + names);

        // A PrimeFaces Ajax control works under the policy: the contacts search redraws the table.
        visit("audience/index.xhtml");
        for (Made made : MADE) {
            var search = browser.findElement(By.id("contacts:text"));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            search.sendKeys(made.contactEmail());
            Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("contacts:table"), made.contactEmail()));
            // Keys typed slowly can send more than one search: read the table the last one drew.
            Browser.settle(browser);
            String row = Browser.text(browser, By.id("contacts:table"));
            assertTrue(row.contains(made.payload()) && row.contains(made.name()), row);
            assertInert("the contacts search");
        }
    }

    /**
     * Every Faces page and Ajax answer carries the policy, with a new nonce for each page, and every script
     * of the page carries that nonce; the API runs no script; the usual headers are there.
     */
    @Test
    @Order(3)
    void thePolicyHasANewNonceForEachPageAndCoversEveryScript() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> first = admin.get("admin/users.xhtml");
        HttpResponse<String> second = admin.get("admin/users.xhtml");
        assertEquals(200, first.statusCode());
        String nonce = nonceOf(first);
        assertNotEquals(nonce, nonceOf(second), "a new nonce for each page");
        String policy = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        for (String directive : new String[] {"object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"}) {
            assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertFalse(policy.matches(".*script-src[^;]*'unsafe-.*"), "no unsafe script source: " + policy);
        Matcher scripts = SCRIPT_TAG.matcher(first.body());
        int count = 0;
        while (scripts.find()) {
            assertTrue(scripts.group().contains("nonce=\"" + nonce + "\""), scripts.group() + " carries the page's nonce");
            count++;
        }
        assertTrue(count > 3, "PrimeFaces' scripts were seen: " + count);
        assertEquals("nosniff", first.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", first.headers().firstValue("Referrer-Policy").orElse(null));

        // The login page and the error pages, too.
        assertTrue(new WebClient(base).get("login.xhtml").headers().firstValue("Content-Security-Policy").orElse("").contains("'nonce-"));
        assertTrue(admin.get("audience/contact.xhtml?id=999999999").headers().firstValue("Content-Security-Policy").orElse("")
                .contains("frame-ancestors 'none'"), "the 404 page");

        // The API serves data, CSV and report HTML: never a script.
        HttpResponse<String> api = admin.get("api/users");
        assertEquals(200, api.statusCode());
        String apiPolicy = api.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(apiPolicy.startsWith("default-src 'none'") && !apiPolicy.contains("script-src"), apiPolicy);
        assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(null));
        // An Ajax answer carries the policy too, with the nonce of its page.
        HttpResponse<String> settings = admin.get("admin/settings.xhtml");
        java.util.Map<String, String> ajax = new java.util.LinkedHashMap<>();
        ajax.put("jakarta.faces.partial.ajax", "true");
        ajax.put("jakarta.faces.source", "webhook:refresh");
        ajax.put("jakarta.faces.partial.execute", "webhook:refresh");
        ajax.put("jakarta.faces.partial.render", "webhook:deliveries");
        ajax.put("webhook:refresh", "webhook:refresh");
        ajax.put("webhook", "webhook");
        ajax.put("jakarta.faces.ViewState", WebClient.viewState(settings.body()));
        ajax.put(WebClient.CSP_NONCE_FIELD, WebClient.cspNonce(settings.body()));
        HttpResponse<String> partial = admin.withHeader("Faces-Request", "partial/ajax").postForm("admin/settings.xhtml", ajax);
        assertEquals(200, partial.statusCode(), partial.body());
        assertTrue(partial.body().contains("<partial-response"), partial.body());
        assertEquals(nonceOf(settings), nonceOf(partial), "the Ajax answer's policy names its page's nonce");

        // The public index keeps its own strict policy.
        HttpResponse<String> publicIndex = new WebClient(base).get("p/");
        assertTrue(publicIndex.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertEquals("nosniff", publicIndex.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    private static String nonceOf(HttpResponse<String> page) {
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP"));
        Matcher m = CSP_NONCE.matcher(policy);
        assertTrue(m.find(), "a nonce in " + policy);
        return m.group(1);
    }

    /** Opens the page, waits for it, and checks that it is inert and shows each text as text (or as a field's value). */
    private void visit(String path, String... visible) {
        browser.get(base + path);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        assertInert(path);
        // What a person reads: the page's text and the values of its fields.
        String text = (String) browser.executeScript("return document.body.innerText + '\\n' + Array.from("
                + "document.querySelectorAll('input, textarea')).map(function (e) { return e.value; }).join('\\n');");
        for (String expected : visible) {
            assertTrue(text.contains(expected), path + " shows " + expected + " as text or field value:\n" + text);
        }
    }

    /** No dialog opened, and the console holds no CSP violation and no load of the payload's image. */
    private static void assertInert(String where) {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), where + " opened a dialog");
        List<String> bad = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                    || message.contains("/x ") || message.contains("alert(")) {
                bad.add(message);
            }
        }
        assertTrue(bad.isEmpty(), where + " logged: " + bad);
        // The page's own script ran (PrimeFaces started): the policy did not block it.
        assertEquals(Boolean.TRUE, browser.executeScript("return !!(window.PrimeFaces && PrimeFaces.csp && PrimeFaces.csp.NONCE_VALUE);"),
                where + ": PrimeFaces started under the policy");
    }

    private static String created(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.statusCode() + " " + response.body());
        return AudienceApi.id(response);
    }

    private WebClient key(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique(role.toLowerCase(Locale.ROOT)) + "\",\"role\":\"" + role + "\"}");
        Matcher m = SECRET.matcher(issued.body());
        assertTrue(m.find(), issued.body());
        return new WebClient(base).withHeader("Authorization", "Bearer " + m.group(1));
    }

    /** A JSON string. */
    private static String json(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
