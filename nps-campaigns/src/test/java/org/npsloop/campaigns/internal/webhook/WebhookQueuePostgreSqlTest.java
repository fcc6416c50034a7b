package org.npsloop.campaigns.internal.webhook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The same cases on PostgreSQL (the test database of the README), each in a schema of its own. Skipped
 * only when no PostgreSQL answers, which CI never allows (.ci/run starts it).
 */
class WebhookQueuePostgreSqlTest extends WebhookQueueTest {

    private static final String SERVER = System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/npsloop_test");
    private static final String USER = System.getProperty("it.db.user", "postgres");
    private static final String PASSWORD = System.getProperty("it.db.password", "postgres");

    @Override
    String newDatabase() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        String fresh = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection probe = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
            probe.isValid(2);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
        Flyway.configure().dataSource(fresh, USER, PASSWORD).schemas(schema).locations("classpath:db/migration").load().migrate();
        return fresh;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (url != null && url.contains("currentSchema=")) {
            try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + url.substring(url.indexOf("currentSchema=") + 14) + " CASCADE");
            }
        }
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }
}
