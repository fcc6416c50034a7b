package org.npsloop.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * Migrated PostgreSQL schemas for tests that run their H2 cases again on PostgreSQL (the test database
 * of the README), one schema per test. Aborts the test only when no PostgreSQL answers, which CI never
 * allows (.ci/run starts it). Shared with the other modules' tests through nps-platform's test jar.
 */
public class TestSchemas {

    private static final String SERVER = System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/npsloop_test");
    private static final String USER = System.getProperty("it.db.user", "postgres");
    private static final String PASSWORD = System.getProperty("it.db.password", "postgres");
    private static final String SCHEMA_PARAMETER = "currentSchema=";

    /** Only static methods; other modules' tests may extend it under a name of their own. */
    protected TestSchemas() {
    }

    /** @return the JDBC URL of a new schema with every migration applied */
    public static String create() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        String fresh = SERVER + (SERVER.contains("?") ? "&" : "?") + SCHEMA_PARAMETER + schema;
        try (Connection probe = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
            probe.isValid(2);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
        Flyway.configure().dataSource(fresh, USER, PASSWORD).schemas(schema).locations("classpath:db/migration").load().migrate();
        return fresh;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Drops the schema of a URL made by {@link #create}; does nothing for another URL (or null). */
    public static void drop(String url) throws SQLException {
        if (url != null && url.contains(SCHEMA_PARAMETER)) {
            try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + url.substring(url.indexOf(SCHEMA_PARAMETER) + SCHEMA_PARAMETER.length()) + " CASCADE");
            }
        }
    }
}
