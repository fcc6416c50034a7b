package org.npsloop.domain.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations on the embedded default (H2) without a container; the container tests apply the
 * same migrations to PostgreSQL.
 */
class MigrationsTest {

    @Test
    void migrateAnEmptyH2DatabaseAndEnforceTheScoreRange() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        MigrateResult result = flyway.migrate();
        assertTrue(result.migrationsExecuted >= 1);
        assertEquals(0, flyway.info().pending().length);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start applies nothing");

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String table : new String[] {"APP_USER", "CONTACT", "MAILING_LIST", "SURVEY", "CAMPAIGN",
                "JOURNEY_EVENT", "INVITATION", "RESPONSE"}) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + table + "'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), table + " exists");
                }
            }
            s.execute("INSERT INTO response (id, score, contact_consent, channel, responded_at, updated_at, version) "
                    + "VALUES (1, 10, FALSE, 'PHONE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO response (id, score, contact_consent, channel, responded_at, updated_at, version) "
                            + "VALUES (2, 11, FALSE, 'PHONE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)"),
                    "the database itself refuses a score above 10");
        }
    }
}
