package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Close the loop end to end on PostgreSQL with GreenMail: phone answers 3, 6, 8 and 10 give two
 * follow-ups (detractors only by default), the 6 listed before the 3; assigning one mails its owner;
 * status, due date and notes persist; bad input is refused with 400 naming the field, unknown ids 404.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class FollowUpIT extends OnSharedApplication {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();




    @Test
    void detractorsBecomeFollowUpsThatAreAssignedMailedWorkedAndNoted() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("loop");
        // An owner with an email address, to be notified.
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        String owner = run + "-owner";
        HttpResponse<String> user = admin.sendJson("POST", "api/users", "{\"username\":\"" + owner + "\",\"displayName\":\"Olga "
                + run + "\",\"email\":\"" + owner + "@exemple.fr\",\"roles\":[\"MARKETER\"],\"password\":\"Owner-Secret-2026\"}");
        assertEquals(201, user.statusCode(), user.body());

        String r3 = answer(api, run, 3, "Livraison en retard <b>&", false);
        String r6 = answer(api, run, 6, "Bien mais le support <i>tarde</i>", true);
        String r8 = answer(api, run, 8, "Correct", false);
        String r10 = answer(api, run, 10, "Parfait", true);
        String bot = flaggedDetractor();

        // Listing creates the missing follow-ups at once: two, for the detractors; the 6 first.
        List<String[]> rows = rows(api, "status=NEW&unassigned=true");
        List<String> responses = rows.stream().map(r -> r[1]).toList();
        assertTrue(responses.contains(r3) && responses.contains(r6), responses + " has " + r3 + " and " + r6);
        assertFalse(responses.contains(r8) || responses.contains(r10), "no follow-up for a passive or a promoter: " + responses);
        assertFalse(responses.contains(bot), "none for a suspected bot");
        assertTrue(responses.indexOf(r6) < responses.indexOf(r3), "5-6 before 0-4: " + responses);
        String f6 = rows.get(responses.indexOf(r6))[0];
        String f3 = rows.get(responses.indexOf(r3))[0];

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String detail = api.get("api/follow-ups/" + f6).body();
        JsonObject f6Detail = Json.object(detail);
        assertEquals(List.of(f6, r6, "NEW", today.plusDays(7).toString(), "6", "DETRACTOR", run + "-6@exemple.fr"),
                List.of(Json.text(f6Detail, "followUp.id"), Json.text(f6Detail, "followUp.responseId"), Json.string(f6Detail, "followUp.status"),
                        Json.string(f6Detail, "followUp.dueOn"), Json.text(f6Detail, "followUp.score"), Json.string(f6Detail, "followUp.category"),
                        Json.string(f6Detail, "followUp.contactEmail")), detail);
        assertTrue(Json.bool(f6Detail, "followUp.contactConsent"), detail);
        assertFalse(Json.bool(f6Detail, "followUp.overdue"), detail);
        assertEquals(List.of("CONTACTED", "RESOLVED"), Json.strings(f6Detail, "allowedStatuses"), detail);
        assertEquals(List.of(), Json.objects(f6Detail, "notes"), detail);

        // Assigning mails the owner, after the commit.
        HttpResponse<String> assigned = api.sendJson("PUT", "api/follow-ups/" + f6, "{\"owner\":\"" + owner + "\"}");
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals(owner, Json.string(Json.object(assigned), "followUp.owner.username"), assigned.body());
        MimeMessage mail = awaitMail(owner);
        assertEquals("Follow-up for you: score 6, due " + today.plusDays(7), mail.getSubject());
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        for (String expected : new String[] {"Score: 6 (detractor)", "Agreed to be contacted: yes", "Due: " + today.plusDays(7),
                "Bien mais le support <i>tarde</i>", "reports/follow-ups.xhtml?id=" + f6, run + "-6@exemple.fr"}) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertTrue(html.contains("Bien mais le support &lt;i&gt;tarde&lt;/i&gt;"), html);
        assertTrue(html.contains("reports/follow-ups.xhtml?id=" + f6 + "\""), html);
        assertEquals(List.of(f6), rows(api, "owner=" + owner).stream().map(r -> r[0]).toList());

        // Status, due date and a note persist.
        assertEquals(200, api.sendJson("PUT", "api/follow-ups/" + f6, "{\"status\":\"contacted\",\"dueOn\":\""
                + today.plusDays(3) + "\"}").statusCode());
        HttpResponse<String> noted = api.sendJson("POST", "api/follow-ups/" + f6 + "/notes", "{\"text\":\"Rappel\u00e9e, geste commercial\"}");
        assertEquals(201, noted.statusCode(), noted.body());
        String after = api.get("api/follow-ups/" + f6).body();
        JsonObject worked = Json.object(after);
        assertEquals(List.of("CONTACTED", today.plusDays(3).toString()), List.of(Json.string(worked, "followUp.status"),
                Json.string(worked, "followUp.dueOn")), after);
        assertEquals(List.of("Rappel\u00e9e, geste commercial"), Json.texts(worked, "notes", "text"), after);
        assertTrue(Json.string(worked, "notes.0.author").startsWith("api-key:"), after);
        assertEquals(List.of("RESOLVED"), Json.strings(worked, "allowedStatuses"), after);
        assertEquals(1, Mailbox.to(SMTP, owner).size(), "only an assignment mails");

        // Refused: each bad field named, nothing changed.
        assertBad(api.sendJson("PUT", "api/follow-ups/" + f6, "{\"status\":\"NEW\"}"), "status", "cannot go from Contacted to New");
        assertBad(api.sendJson("PUT", "api/follow-ups/" + f6, "{\"status\":\"DONE\"}"), "status", "one of");
        assertBad(api.sendJson("PUT", "api/follow-ups/" + f6, "{\"dueOn\":\"2026-13-45\"}"), "dueOn", "a day like");
        assertBad(api.sendJson("PUT", "api/follow-ups/" + f6, "{\"dueOn\":\"" + today.minusDays(1) + "\"}"), "dueOn", "past");
        assertBad(api.sendJson("PUT", "api/follow-ups/" + f3, "{\"owner\":\"" + run + "-nobody\",\"status\":\"RESOLVED\"}"),
                "owner", "No active user");
        JsonObject unchanged = Json.object(api.get("api/follow-ups/" + f3).body());
        assertEquals("NEW", Json.string(unchanged, "followUp.status"), "a refused change leaves all as it was: " + unchanged);
        assertFalse(Json.has(unchanged, "followUp.owner") && !Json.isNull(unchanged, "followUp.owner"), "still unassigned: " + unchanged);
        assertBad(api.sendJson("POST", "api/follow-ups/" + f6 + "/notes", "{\"text\":\"  \"}"), "text", "write something");
        assertBad(api.get("api/follow-ups?status=later"), "status", "one of");
        assertEquals(400, api.sendJson("PUT", "api/follow-ups/" + f6, "not json").statusCode());
        assertEquals(404, api.get("api/follow-ups/999999999").statusCode());
        assertEquals(404, api.sendJson("PUT", "api/follow-ups/999999999", "{\"status\":\"RESOLVED\"}").statusCode());
        assertEquals(404, api.sendJson("POST", "api/follow-ups/999999999/notes", "{\"text\":\"x\"}").statusCode());
        assertEquals(401, new WebClient(base).get("api/follow-ups").statusCode());
        assertEquals("CONTACTED", Json.string(Json.object(api.get("api/follow-ups/" + f6).body()), "followUp.status"));

        // Resolved ones leave the open list's head and go last.
        assertEquals(200, api.sendJson("PUT", "api/follow-ups/" + f3, "{\"status\":\"RESOLVED\"}").statusCode());
        List<String> all = rows(api, "").stream().map(r -> r[0]).toList();
        assertTrue(all.indexOf(f6) < all.indexOf(f3), all.toString());
        assertEquals(List.of(), rows(api, "status=RESOLVED&owner=" + owner));
        assertEquals(1, Mailbox.to(SMTP, owner).size());
    }

    private static String answer(WebClient api, String run, int score, String comment, boolean consent) {
        String email = run + "-" + score + "@exemple.fr";
        AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"language\":\"FR\"}"));
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + ",\"comment\":\"" + comment + "\",\"contactConsent\":" + consent + ",\"channel\":\"PHONE\",\"respondedAt\":\""
                + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
        return AudienceApi.id(entered);
    }

    /** A detractor's answer flagged as a suspected mail scanner, written as any writer might. */
    private static String flaggedDetractor() throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""))) {
            long id;
            // An id from the application's sequence, used as EclipseLink would (value V stands for V-49..V).
            try (PreparedStatement next = db.prepareStatement("SELECT nextval('response_seq')"); ResultSet rs = next.executeQuery()) {
                rs.next();
                id = rs.getLong(1) - 49;
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO response (id, score, contact_consent, channel, responded_at,"
                    + " updated_at, version, flagged, flag_reason) VALUES (?, 2, FALSE, 'EMAIL', ?, ?, 1, TRUE, 'answered 1 s after sending')")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                insert.setLong(1, id);
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.executeUpdate();
            }
            return String.valueOf(id);
        }
    }

    /**
     * id and responseId of each follow-up the query lists, in the list's order, every page of it: the list holds other
     * tests' follow-ups too (and earlier runs' on the same database), however many there are.
     */
    private static List<String[]> rows(WebClient api, String query) {
        List<String[]> rows = new ArrayList<>();
        for (int first = 0;; first += 500) {
            HttpResponse<String> page = api.get("api/follow-ups?size=500&first=" + first + (query.isEmpty() ? "" : "&" + query));
            assertEquals(200, page.statusCode(), page.body());
            List<JsonObject> listed = Json.objects(Json.object(page), "rows");
            listed.forEach(row -> rows.add(new String[] {Json.text(row, "id"), Json.text(row, "responseId")}));
            if (listed.size() < 500) {
                return rows;
            }
        }
    }

    private static void assertBad(HttpResponse<String> response, String field, String message) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(Json.refusal(response, field).contains(message), field + ", " + message + " in " + response.body());
    }

    private static MimeMessage awaitMail(String prefix) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> received = Mailbox.to(SMTP, prefix);
            if (!received.isEmpty()) {
                return received.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + prefix + " within 10 s");
    }
}
