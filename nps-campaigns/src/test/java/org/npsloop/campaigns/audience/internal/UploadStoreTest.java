package org.npsloop.campaigns.audience.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.npsloop.platform.MigratedDatabaseTest;

/**
 * Uploads in the database: a file of several chunks comes back byte for byte, read one chunk at a time on fresh
 * connections (as another instance would); one start takes an upload; the sweeper deletes what no running import needs.
 */
class UploadStoreTest extends MigratedDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aFileOfSeveralChunksComesBackByteForByte() throws Exception {
        // 2.5 chunks of the real size, random bytes (every value, no text assumptions).
        byte[] file = new byte[UploadStore.CHUNK_SIZE * 5 / 2];
        new Random(16).nextBytes(file);
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            assertEquals(file.length, new UploadStore(db).save("u-1", "clients.csv", "alice", NOW, new ByteArrayInputStream(file)));
            db.commit();
        }
        try (Connection db = connect(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM upload_chunk WHERE upload_id = 'u-1'")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            UploadStore.Stored stored = new UploadStore(db).find("u-1").orElseThrow();
            assertEquals("clients.csv", stored.fileName());
            assertEquals(file.length, stored.size());
            assertEquals("alice", stored.uploadedBy());
            assertEquals(NOW, stored.uploadedAt());
        }
        int[] fetched = {0};
        try (InputStream in = UploadStore.open("u-1", (id, seq) -> {
            fetched[0]++;
            try (Connection fresh = connect()) {
                return new UploadStore(fresh).chunk(id, seq);
            }
        })) {
            assertArrayEquals(file, in.readAllBytes());
        }
        assertEquals(4, fetched[0], "three chunks, then the end");
    }

    @Test
    void aFileOfExactlyOneChunkAndAnEmptyFile() throws Exception {
        byte[] file = new byte[64];
        new Random(2).nextBytes(file);
        try (Connection db = connect()) {
            UploadStore store = new UploadStore(db, 64);
            store.save("u-1", "exact.csv", "alice", NOW, new ByteArrayInputStream(file));
            store.save("u-2", "empty.csv", "alice", NOW, new ByteArrayInputStream(new byte[0]));
            assertArrayEquals(file, UploadStore.open("u-1", store::chunk).readAllBytes());
            assertArrayEquals(new byte[0], UploadStore.open("u-2", store::chunk).readAllBytes());
        }
    }

    @Test
    void aBodyThatBreaksOffLeavesNothingOnceRolledBack() throws Exception {
        InputStream broken = new InputStream() {
            private int left = 300;

            @Override
            public int read() throws java.io.IOException {
                if (left-- == 0) {
                    throw new java.io.IOException("connection reset");
                }
                return 'a';
            }
        };
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try {
                new UploadStore(db, 100).save("u-1", "cut.csv", "alice", NOW, broken);
            } catch (java.io.IOException expected) {
                db.rollback();
            }
            assertTrue(new UploadStore(db).find("u-1").isEmpty());
            assertEquals(0, count(db, "upload_chunk"));
        }
    }

    @Test
    void oneStartTakesAnUpload() throws Exception {
        try (Connection db = connect()) {
            UploadStore store = new UploadStore(db);
            store.save("u-1", "a.csv", "alice", NOW, new ByteArrayInputStream("email\na@b.c\n".getBytes()));
            assertTrue(store.take("u-1"));
            assertFalse(store.take("u-1"), "a second start, on any instance");
            assertFalse(store.take("unknown"));
            assertTrue(store.find("u-1").orElseThrow().taken());
        }
    }

    @Test
    void theSweeperDeletesOldUploadsThatNoRunningImportNeeds() throws Exception {
        try (Connection db = connect()) {
            UploadStore store = new UploadStore(db, 4);
            byte[] csv = "email\na@b.c\n".getBytes();
            store.save("old-waiting", "a.csv", "alice", NOW.minus(Duration.ofDays(2)), new ByteArrayInputStream(csv));
            store.save("old-running", "b.csv", "alice", NOW.minus(Duration.ofDays(2)), new ByteArrayInputStream(csv));
            store.save("old-done", "c.csv", "alice", NOW.minus(Duration.ofDays(2)), new ByteArrayInputStream(csv));
            store.save("young", "d.csv", "alice", NOW.minus(Duration.ofMinutes(5)), new ByteArrayInputStream(csv));
            ImportResumeTest.insertJob(db, 1, "old-running", "RUNNING", "a", NOW);
            ImportResumeTest.insertJob(db, 2, "old-done", "DONE", null, null);

            assertEquals(2, store.deleteAbandoned(NOW.minus(Duration.ofDays(1))));
            assertTrue(store.find("old-waiting").isEmpty());
            assertTrue(store.find("old-done").isEmpty());
            assertTrue(store.find("old-running").isPresent());
            assertTrue(store.find("young").isPresent());
            assertEquals(0, store.deleteAbandoned(NOW.minus(Duration.ofDays(1))), "a second sweeper finds nothing left");
            assertEquals(2 * ((csv.length + 3) / 4), count(db, "upload_chunk"));
        }
    }

    static int count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
