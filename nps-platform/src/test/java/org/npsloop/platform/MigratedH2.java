package org.npsloop.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * New in-memory H2 databases with the real migrations applied, one per test. Flyway migrating from V1 costs half a
 * second to two seconds per database on a busy 2-core machine, so each test JVM migrates one database per target
 * version once and each new database replays its {@code SCRIPT} (schema, seed rows, Flyway's history; a few
 * milliseconds). Shared with the other modules' tests through nps-platform's test jar.
 */
public final class MigratedH2 {

    /** The statements of a migrated database, per target version ("latest" for every migration). */
    private static final Map<String, List<String>> SCRIPTS = new HashMap<>();

    private MigratedH2() {
    }

    /** @return the URL of a new in-memory database (user "sa", no password) with every migration applied */
    public static String create() {
        return create("latest");
    }

    /** @return the URL of a new in-memory database (user "sa", no password) migrated up to this version (Flyway's target: "10", "latest") */
    public static String create(String target) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String statement : script(target)) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the migrated H2 database", e);
        }
        return url;
    }

    private static synchronized List<String> script(String target) throws SQLException {
        List<String> script = SCRIPTS.get(target);
        if (script == null) {
            String template = "jdbc:h2:mem:template-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            Flyway.configure().dataSource(template, "sa", "").locations("classpath:db/migration").target(target).load().migrate();
            script = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(template, "sa", ""); Statement s = c.createStatement()) {
                try (ResultSet statements = s.executeQuery("SCRIPT")) {
                    while (statements.next()) {
                        script.add(statements.getString(1));
                    }
                }
                s.execute("SHUTDOWN");
            }
            SCRIPTS.put(target, List.copyOf(script));
        }
        return script;
    }
}
