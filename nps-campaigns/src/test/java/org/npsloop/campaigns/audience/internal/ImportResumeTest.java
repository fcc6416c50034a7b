package org.npsloop.campaigns.audience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.ContactRow;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.ParsedRow;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.campaigns.audience.internal.imports.DefaultContactCsvReader;
import org.npsloop.campaigns.audience.internal.imports.StoredReasons;
import org.npsloop.platform.MigratedDatabaseTest;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * An import whose instance dies after some batches is taken over by another instance once its lease expires, and goes
 * on after its last committed batch: the same contacts, counts and rejected lines as an uninterrupted import, none
 * twice (the test's contact table and import_rejection refuse a second row for an email or a line). The batch writes
 * stand in for DefaultContactService (a table of emails); the checkpoint, the lease, the upload and the skipping are
 * the production ones (ImportLeases, UploadStore, ResumableImport), committed together per batch as ImportJobs does.
 */
class ImportResumeTest extends MigratedDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 100;
    private static final int ROWS = 2_345;
    private static final CsvFormat FORMAT = new CsvFormat(StandardCharsets.UTF_8, false, ';');
    private static final ColumnMapping MAPPING = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL),
            Column.of(1, ColumnTarget.FIRST_NAME));
    private static final DefaultContactCsvReader READER = new DefaultContactCsvReader();

    /** Thrown by the test's batch writer: the instance's thread stopping mid-import (its batch rolled back). */
    private static final class Death extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Every 37th row has a bad email; one row spans two lines (a quoted line break), so lines and rows differ. */
    static byte[] csv() {
        StringBuilder csv = new StringBuilder("email;first_name\n");
        for (int i = 1; i <= ROWS; i++) {
            if (i % 37 == 0) {
                csv.append("not-an-email-").append(i).append(";Bad\n");
            } else if (i == 250) {
                csv.append("p").append(i).append("@example.com;\"Two\nlines\"\n");
            } else {
                csv.append("p").append(i).append("@example.com;P").append(i).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void insertJob(Connection db, long id, String uploadId, String status, String claimedBy, Instant leaseUntil)
            throws SQLException {
        Jdbc.update(db, "INSERT INTO import_job (id, kind, status, file_name, charset, delimiter_char, mapping, total_rows, "
                + "processed_rows, imported_rows, rejected_rows, created_by, created_at, version, upload_id, claimed_by, "
                + "lease_until, last_line) VALUES (?, 'CONTACTS', ?, 'clients.csv', 'UTF-8', ';', ?, ?, 0, 0, 0, 'alice', ?, 0, "
                + "?, ?, ?, 0)", id, status, MAPPING.toJson(), ROWS, T0, uploadId, claimedBy, leaseUntil);
    }

    @Test
    void anImportWhoseInstanceDiedIsFinishedByAnotherAsIfUninterrupted() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE imported (job_id BIGINT NOT NULL, email VARCHAR(320) NOT NULL, first_name VARCHAR(100), "
                    + "PRIMARY KEY (job_id, email))");
            new UploadStore(db, 4096).save("u-1", "clients.csv", "alice", T0, new ByteArrayInputStream(csv()));
            insertJob(db, 1, "u-1", "RUNNING", "instance-a", T0.plus(LEASE));
            insertJob(db, 2, "u-1", "RUNNING", "reference", T0.plus(LEASE));
        }
        // The reference: one uninterrupted run.
        run(2, "reference", T0, Integer.MAX_VALUE);
        try (Connection db = connect()) {
            Jdbc.update(db, "UPDATE import_job SET status = 'DONE', lease_until = NULL WHERE id = 2");
        }

        // Instance A commits 7 batches, then dies in the 8th (rolled back): its lease is renewed no more.
        assertThrows(Death.class, () -> run(1, "instance-a", T0, 7));
        assertEquals(7 * BATCH, job(1).get("processed"));
        try (Connection db = connect()) {
            ImportLeases leases = new ImportLeases(db);
            assertEquals(Optional.empty(), leases.claimExpired("instance-b", T0.plus(Duration.ofSeconds(30)), LEASE),
                    "not before the lease has expired");
            Instant later = T0.plus(LEASE).plus(Duration.ofSeconds(5));
            assertEquals(Optional.of(1L), leases.claimExpired("instance-b", later, LEASE), "the job whose instance died");
            assertEquals(Optional.empty(), leases.claimExpired("instance-c", later, LEASE), "taken once");
            // A, back from a long pause, can commit nothing more: its batch would be rolled back.
            assertFalse(leases.checkpoint(1, "instance-a", 100, 0, 99_999, later, LEASE));
        }
        // Instance B goes on after A's last committed batch.
        run(1, "instance-b", T0.plus(LEASE).plus(Duration.ofSeconds(5)), Integer.MAX_VALUE);

        Map<String, Integer> resumed = job(1);
        assertEquals(job(2), resumed, "same counts and checkpoint as the uninterrupted run");
        assertEquals(ROWS, resumed.get("processed"));
        assertEquals(ROWS / 37, resumed.get("rejected"));
        assertEquals(rows(2, "SELECT email || ':' || COALESCE(first_name, '') FROM imported WHERE job_id = ? ORDER BY email"),
                rows(1, "SELECT email || ':' || COALESCE(first_name, '') FROM imported WHERE job_id = ? ORDER BY email"));
        assertEquals(rows(2, "SELECT line_number || ':' || reason || ':' || raw_line FROM import_rejection WHERE import_job_id = ? "
                + "ORDER BY line_number"), rows(1, "SELECT line_number || ':' || reason || ':' || raw_line FROM import_rejection "
                + "WHERE import_job_id = ? ORDER BY line_number"));
        assertEquals(ROWS - ROWS / 37, rows(1, "SELECT email FROM imported WHERE job_id = ?").size());
    }

    /**
     * Runs job {@code jobId} as {@code worker} from its checkpoint, committing each batch with it as ImportJobs does; the
     * worker dies (throws {@link Death}) while writing batch {@code batchesBeforeDeath + 1}.
     */
    private void run(long jobId, String worker, Instant now, int batchesBeforeDeath) throws Exception {
        int doneLine;
        try (Connection db = connect()) {
            doneLine = new ImportLeases(db).lastLine(jobId);
        }
        int[] written = {0};
        ResumableImport.run(READER, FORMAT, MAPPING, BATCH, doneLine, new ResumableImport.Steps() {
            @Override
            public InputStream open() {
                return UploadStore.open("u-1", (id, seq) -> {
                    try (Connection fresh = connect()) {
                        return new UploadStore(fresh).chunk(id, seq);
                    }
                });
            }

            @Override
            public void batch(List<ParsedRow> rows, int lastLine) {
                try (Connection db = connect()) {
                    db.setAutoCommit(false);
                    write(db, jobId, rows);
                    if (written[0]++ == batchesBeforeDeath) {
                        db.rollback();
                        throw new Death();
                    }
                    long imported = rows.stream().filter(ContactRow.class::isInstance).count();
                    if (!new ImportLeases(db).checkpoint(jobId, worker, (int) imported, rows.size() - (int) imported, lastLine,
                            now, LEASE)) {
                        db.rollback();
                        throw new ResumableImport.LeaseLost(jobId);
                    }
                    db.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static void write(Connection db, long jobId, List<ParsedRow> rows) throws SQLException {
        for (ParsedRow row : rows) {
            if (row instanceof ContactRow contact) {
                Jdbc.update(db, "INSERT INTO imported (job_id, email, first_name) VALUES (?, ?, ?)", jobId,
                        contact.email().value(), contact.firstName());
            } else if (row instanceof RejectedRow rejected) {
                Jdbc.update(db, "INSERT INTO import_rejection (import_job_id, line_number, reason, raw_line) VALUES (?, ?, ?, ?)",
                        jobId, rejected.line(), StoredReasons.encode(rejected.reasons()), rejected.rawText());
            }
        }
    }

    private Map<String, Integer> job(long id) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement(
                "SELECT processed_rows, imported_rows, rejected_rows, last_line FROM import_job WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                Map<String, Integer> counts = new TreeMap<>();
                counts.put("processed", rs.getInt(1));
                counts.put("imported", rs.getInt(2));
                counts.put("rejected", rs.getInt(3));
                counts.put("lastLine", rs.getInt(4));
                return counts;
            }
        }
    }

    private List<String> rows(long jobId, String sql) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setLong(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            }
        }
    }
}
