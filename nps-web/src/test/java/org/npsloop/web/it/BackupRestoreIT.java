package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * docs/backup.md on PostgreSQL, on the database the shared application is using (populated by this run's tests and by
 * this one, and written to by the workers meanwhile): {@code pg_dump} of one snapshot, {@code pg_restore} into an
 * empty database, and every table and sequence compared with what that snapshot held. The application's own backup
 * call says in the caller's language to use pg_dump, and is for administrators only.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class BackupRestoreIT extends OnSharedApplication {

    @Test
    void aDumpOfTheLiveDatabaseRestoresIntoAnEmptyOneWithEveryTableEqual() throws Exception {
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("backup");
        String list = AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + " é\"}"));
        HttpResponse<String> contacts = marketer.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + list + ",\"contacts\":["
                + "{\"email\":\"" + run + "-1@exemple.fr\",\"firstName\":\"Zoë\",\"language\":\"FR\"},"
                + "{\"email\":\"" + run + "-2@example.com\",\"firstName\":\"O'Brien\",\"language\":\"EN\"}]}");
        assertTrue(contacts.statusCode() < 300, contacts.body());

        String url = System.getProperty("it.db.url");
        String user = System.getProperty("it.db.user", "postgres");
        String password = System.getProperty("it.db.password", "");
        Path dump = Files.createTempFile("npsloop-", ".dump");
        String restoredName = ForkDatabase.name(url) + "_restored";
        String restoredUrl = url.replaceFirst("/[A-Za-z0-9_]+(\\?.*)?$", "/" + restoredName + "$1");
        Map<String, String> before;
        try (Connection live = DriverManager.getConnection(url, user, password)) {
            live.setAutoCommit(false);
            live.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = live.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            before = fingerprints(live);
            // The dump reads the same snapshot while the application goes on writing.
            run(password, "pg_dump", "--format=custom", "--snapshot=" + snapshot, "--file=" + dump,
                    "--username=" + user, "--dbname=" + libpq(url));
            live.commit();
        }
        try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + restoredName);
        }
        try {
            run(password, "pg_restore", "--exit-on-error", "--no-owner", "--no-acl", "--username=" + user,
                    "--dbname=" + libpq(restoredUrl), dump.toString());
            Map<String, String> after;
            try (Connection restored = DriverManager.getConnection(restoredUrl, user, password)) {
                after = fingerprints(restored);
            }
            assertEquals(before.keySet(), after.keySet(), "the same tables and sequences");
            assertTrue(before.keySet().containsAll(List.of("table contact", "table response", "table invitation",
                    "table flyway_schema_history", "sequence contact_seq")), before.keySet().toString());
            assertTrue(!before.get("table contact").startsWith("0 "), "populated: " + before.get("table contact"));
            before.forEach((what, fingerprint) -> assertEquals(fingerprint, after.get(what), what));
        } finally {
            try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
            }
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void theApplicationsBackupCallPointsToPgDumpInTheCallersLanguage() {
        assertEquals(403, AudienceApi.marketer(base).sendJson("POST", "api/admin/backups", "").statusCode());
        WebClient admin = new WebClient(base).withHeader("Accept-Language", "fr");
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> refused = admin.sendJson("POST", "api/admin/backups", "");
        assertEquals(409, refused.statusCode(), refused.body());
        String message = Json.string(Json.object(refused), "message");
        assertTrue(message.startsWith("Cette installation utilise PostgreSQL") && message.contains("pg_dump"), message);
    }

    /** Per table: its row count and a digest of its rows in a fixed order; per sequence: its last value. */
    private static Map<String, String> fingerprints(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        Map<String, String> fingerprints = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                        + " FROM public.\"" + table.replace("\"", "\"\"") + "\" t")) {
                    rs.next();
                    fingerprints.put("table " + table, rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    fingerprints.put("sequence " + rs.getString(1), rs.getString(2));
                }
            }
        }
        return fingerprints;
    }

    /** {@code jdbc:postgresql://host:port/name} as libpq reads it. */
    private static String libpq(String jdbcUrl) {
        return jdbcUrl.substring("jdbc:".length());
    }

    private static void run(String password, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("pg-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertTrue(ended && process.exitValue() == 0, String.join(" ", command) + " failed:\n" + log);
    }
}
