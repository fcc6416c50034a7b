package org.npsloop.platform.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBackupsTest {

    @TempDir
    Path dataDir;

    @Test
    void aBackupTakenWhileTheDatabaseIsInUseRestoresEveryTableAsItWas() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/npsloop");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        EmbeddedBackups backups = new EmbeddedBackups(dataDir.resolve("backups"));
        Map<String, List<String>> before;
        EmbeddedBackups.Backup backup;
        try (Connection app = DriverManager.getConnection(url, "sa", ""); Connection other = DriverManager.getConnection(url, "sa", "")) {
            populate(app);
            other.setAutoCommit(false);
            insertContact(other, 9_999, "uncommitted@example.com"); // another session's open transaction is not in the backup
            before = everyTable(app);
            backup = backups.take(app, Instant.parse("2026-12-05T13:20:01.042Z"));
            other.rollback();
        }
        assertEquals("npsloop-20261205-132001-042.zip", backup.name());
        assertTrue(backup.bytes() > 0);

        Path restored = Files.createDirectories(dataDir.resolve("restored/db"));
        unzip(backups.file(backup.name()).orElseThrow(), restored);
        try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("npsloop"), "sa", "")) {
            Map<String, List<String>> after = everyTable(copy);
            assertEquals(before.keySet(), after.keySet(), "the same tables");
            assertTrue(before.get("CONTACT").size() >= 250, "populated");
            before.forEach((table, rows) -> assertEquals(rows, after.get(table), "rows of " + table));
            assertFalse(after.get("CONTACT").toString().contains("uncommitted@example.com"));
        }
    }

    @Test
    void onlyTheFoldersBackupsAreListedAndOpenedNewestFirst() throws Exception {
        EmbeddedBackups backups = new EmbeddedBackups(dataDir.resolve("backups"));
        assertEquals(List.of(), backups.list(), "no folder yet");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/small"), "sa", "")) {
            backups.take(c, Instant.parse("2026-12-01T08:00:00Z"));
            backups.take(c, Instant.parse("2026-12-03T08:00:00Z"));
            assertThrows(IOException.class, () -> backups.take(c, Instant.parse("2026-12-03T08:00:00Z")), "never overwritten");
        }
        Files.writeString(dataDir.resolve("backups/notes.txt"), "not a backup");
        Files.writeString(dataDir.resolve("secret.zip"), "outside");
        assertEquals(List.of("npsloop-20261203-080000-000.zip", "npsloop-20261201-080000-000.zip"),
                backups.list().stream().map(EmbeddedBackups.Backup::name).toList());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), backups.list().get(1).takenAt());
        assertTrue(backups.file("npsloop-20261201-080000-000.zip").isPresent());
        for (String refused : new String[] {"notes.txt", "../secret.zip", "npsloop-20261201-080000-000.zip/..", "", null,
                "npsloop-20261202-080000-000.zip"}) {
            assertTrue(backups.file(refused).isEmpty(), refused);
        }
    }

    private static void populate(Connection c) throws SQLException {
        for (int i = 1; i <= 250; i++) {
            insertContact(c, i, "person" + i + "@example.com");
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO mailing_list (id, name, description, created_at, updated_at, version)"
                    + " VALUES (1, 'Clients ''été''', 'É, ü, 😀', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        }
    }

    private static void insertContact(Connection c, long id, String email) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contact (id, email, first_name, last_name, language, status,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, NULL, 'fr', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")) {
            insert.setLong(1, id);
            insert.setString(2, email);
            insert.setString(3, id % 2 == 0 ? "Zoë" : null);
            insert.executeUpdate();
        }
    }

    /** Every row of every table of the schema, as text, in a fixed order. */
    static Map<String, List<String>> everyTable(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables) {
            List<String> lines = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        line.append(meta.getColumnName(column)).append('=').append(rs.getString(column)).append('|');
                    }
                    lines.add(line.toString());
                }
            }
            lines.sort(null);
            rows.put(table, lines);
        }
        return rows;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Files.copy(entries, into.resolve(Path.of(entry.getName()).getFileName().toString()));
            }
        }
    }
}
