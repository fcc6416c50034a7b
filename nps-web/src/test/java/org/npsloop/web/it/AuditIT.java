package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The audit trail (docs/audit.md) on PostgreSQL: what a marketer's API key changes is recorded with who, from where and
 * what (the call, and each changed field's value before and after), a contact's personal data stays out of it, only an
 * administrator reads and exports it, and the table refuses any update, delete or truncation.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class AuditIT extends OnSharedApplication {

    @Test
    void aMarketersChangesAreRecordedWithWhoWhereAndBeforeAfter() {
        String address = WebClient.uniqueClientAddress();
        WebClient marketer = AudienceApi.marketer(base).withHeader("X-Forwarded-For", address);
        String run = Deployments.unique("audit");
        String survey = AudienceApi.id(marketer.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}"));
        assertEquals(200, marketer.sendJson("PUT", "api/surveys/" + survey, "{\"brandName\":\"Acme & Co\"}").statusCode());
        HttpResponse<String> created = marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"firstName\":\"Zoë\"}");
        assertEquals(201, created.statusCode(), created.body());
        String contact = AudienceApi.id(created);
        assertEquals(200, marketer.sendJson("PUT", "api/contacts/" + contact, "{\"email\":\"" + run + "@exemple.fr\",\"firstName\":\"Zoé\"}").statusCode());
        assertEquals(204, marketer.sendJson("DELETE", "api/contacts/" + contact, "").statusCode());
        assertEquals(403, marketer.get("api/audit").statusCode(), "administrators only");

        WebClient admin = AudienceApi.withKey(base, "ADMIN");
        // The survey's change, field by field, as the marketer's key made it from its address.
        JsonArray surveyEvents = Json.object(admin.get("api/audit?entity=Survey&entityId=" + survey).body()).getJsonArray("events");
        JsonObject update = Json.only(surveyEvents, "", "action", "UPDATE");
        assertTrue(Json.string(update, "actor").startsWith("api-key:"), update.toString());
        assertEquals(address, Json.string(update, "sourceAddress"));
        JsonObject brand = Json.object(Json.string(update, "changes")).getJsonObject("brandName");
        assertEquals("Acme", brand.getString("before"));
        assertEquals("Acme & Co", brand.getString("after"));
        assertFalse(Json.object(Json.string(update, "changes")).containsKey("name"), "unchanged fields left out");
        Json.only(surveyEvents, "", "action", "CREATE");

        // The calls, including the erasure (plain JDBC), and no trace of the contact's address or names.
        JsonArray calls = Json.object(admin.get("api/audit?entity=API&entityId=/api/contacts/" + contact).body()).getJsonArray("events");
        assertEquals(List.of("DELETE", "PUT"), calls.stream().map(v -> v.asJsonObject().getString("action")).toList());
        assertTrue(Json.string(calls.getJsonObject(0), "summary").startsWith("DELETE /api/contacts/" + contact + " → 204"));
        String contactTrail = admin.get("api/audit?entity=Contact&entityId=" + contact).body();
        assertTrue(contactTrail.contains("firstName"), "which fields changed: " + contactTrail);
        assertFalse(contactTrail.contains(run + "@") || contactTrail.contains("Zo"), contactTrail);

        HttpResponse<String> csv = admin.get("api/audit/export?entity=Survey&entityId=" + survey);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("audit.csv"));
        assertTrue(csv.body().contains("Acme & Co") && csv.body().contains(address), csv.body());
        HttpResponse<String> bad = admin.get("api/audit?from=31/02/2026");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("from", Json.string(Json.object(bad).getJsonArray("errors").getJsonObject(0), "field"), bad.body());
    }

    @Test
    void noEventCanBeChangedDeletedOrTruncated() throws SQLException {
        AudienceApi.marketer(base).sendJson("POST", "api/lists", "{\"name\":\"" + Deployments.unique("audit-list") + "\"}");
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "")); Statement s = db.createStatement()) {
            for (String rewrite : List.of("UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(rewrite), rewrite);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
            // Not even the purge's setting lets a recent event go.
            db.setAutoCommit(false);
            s.execute("SET LOCAL npsloop.audit_purge = '30'");
            SQLException recent = assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_event"));
            assertTrue(recent.getMessage().contains("append-only"), recent.getMessage());
            db.rollback();
        }
    }
}
