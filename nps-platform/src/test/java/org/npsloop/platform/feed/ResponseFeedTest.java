package org.npsloop.platform.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.platform.MigratedDatabaseTest;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * The feed over the real {@code response} table (every migration applied), with a consumer of the
 * test's own: a position row and a table of the versions it handled, unique like the webhook's
 * deliveries. H2 here, PostgreSQL in {@link ResponseFeedPostgreSqlTest}.
 */
class ResponseFeedTest extends MigratedDatabaseTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration LAG = Duration.ofSeconds(30);

    final ResponseFeed feed = new ResponseFeed(new ResponseFeed.Position("feed_consumer", "scanned_to", "id = 1"),
            "r.id, r.version", "", "NOT EXISTS (SELECT 1 FROM feed_handled h WHERE h.response_id = r.id "
                    + "AND h.response_version = r.version AND h.consumer = ?)");

    @BeforeEach
    void database() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE feed_consumer (id INT PRIMARY KEY, scanned_to TIMESTAMP WITH TIME ZONE)");
            s.execute("CREATE TABLE feed_handled (consumer VARCHAR(20) NOT NULL, response_id BIGINT NOT NULL, "
                    + "response_version BIGINT NOT NULL, CONSTRAINT uq_feed_handled UNIQUE (consumer, response_id, response_version))");
            s.execute("INSERT INTO feed_consumer (id, scanned_to) VALUES (1, NULL)");
        }
    }

    record Row(long id, long version) {
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2));
    }

    /** Writes a response as any writer would: inserted, or changed with a new version and updated_at. */
    static void response(Connection c, long id, long version, Instant updatedAt) throws SQLException {
        if (Jdbc.update(c, "UPDATE response SET version = ?, updated_at = ? WHERE id = ?", version, updatedAt, id) == 0) {
            Jdbc.update(c, "INSERT INTO response (id, score, contact_consent, channel, responded_at, updated_at, version) "
                    + "VALUES (?, 9, TRUE, 'EMAIL', ?, ?, ?)", id, T0, updatedAt, version);
        }
    }

    static void position(Connection c, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE feed_consumer SET scanned_to = ? WHERE id = 1", at);
    }

    /** What a consumer does with a batch: handles each row (once, whoever else tries), then advances. */
    int handle(Connection c, ResponseFeed.Batch<Row> batch, Instant now, String consumer) throws SQLException {
        int handled = 0;
        for (Row row : batch.rows()) {
            try {
                handled += Jdbc.update(c, "INSERT INTO feed_handled (consumer, response_id, response_version) VALUES (?, ?, ?)",
                        consumer, row.id(), row.version());
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        feed.advance(c, batch, now);
        return handled;
    }

    @Test
    void rowsComeInChangeOrderABatchAtATimeAndThePositionFollows() throws SQLException {
        try (Connection c = connect()) {
            position(c, T0);
            response(c, 3, 1, T0.plusSeconds(3));
            response(c, 1, 1, T0.plusSeconds(1));
            response(c, 2, 1, T0.plusSeconds(1));
            Instant now = T0.plusSeconds(10);
            ResponseFeed.Batch<Row> first = feed.next(c, LAG, now, 2, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(1, 1), new Row(2, 1)), first.rows(), "by updated_at, then id");
            assertTrue(first.full(2));
            assertEquals(T0, first.stored());
            assertEquals(T0.plusSeconds(1), first.to());
            handle(c, first, now, "a");
            assertEquals(T0.plusSeconds(1), feed.position(c));

            ResponseFeed.Batch<Row> second = feed.next(c, LAG, now, 2, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(3, 1)), second.rows(), "the handled ones are skipped");
            assertFalse(second.full(2));
            handle(c, second, now, "a");
            assertEquals(T0.plusSeconds(3), feed.position(c));

            response(c, 1, 2, T0.plusSeconds(5));
            assertEquals(List.of(new Row(1, 2)), feed.next(c, LAG, now, 2, ResponseFeedTest::row, "a").rows(),
                    "a new version is a change");
            assertEquals(3, feed.next(c, LAG, now, 10, ResponseFeedTest::row, "b").rows().size(),
                    "another consumer's handled rows are not this one's");
        }
    }

    @Test
    void aLateCommitWithinTheLagIsSeenOneOlderIsNot() throws SQLException {
        try (Connection c = connect()) {
            position(c, T0.plusSeconds(60));
            response(c, 1, 1, T0.plusSeconds(31));
            response(c, 2, 1, T0.plusSeconds(29));
            ResponseFeed.Batch<Row> batch = feed.next(c, LAG, T0.plusSeconds(61), 10, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(1, 1)), batch.rows());
            assertFalse(feed.advance(c, batch, T0.plusSeconds(61)), "the position never goes back for an older row");
            assertEquals(T0.plusSeconds(60), feed.position(c));
        }
    }

    @Test
    void withoutAPositionTheFeedStartsFromNowAndStoresIt() throws SQLException {
        try (Connection c = connect()) {
            response(c, 1, 1, T0.minusSeconds(60));
            response(c, 2, 1, T0.minusSeconds(10));
            ResponseFeed.Batch<Row> batch = feed.next(c, LAG, T0, 10, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(2, 1)), batch.rows(), "from now, minus the lag");
            assertEquals(null, batch.stored());
            assertTrue(feed.advance(c, batch, T0));
            assertEquals(T0, feed.position(c));
        }
    }

    @Test
    void aPositionAheadOfTheClockIsReadFromNowAndBroughtBack() throws SQLException {
        try (Connection c = connect()) {
            position(c, T0.plusSeconds(3600));
            response(c, 1, 1, T0.minusSeconds(5));
            ResponseFeed.Batch<Row> batch = feed.next(c, LAG, T0, 10, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(1, 1)), batch.rows());
            handle(c, batch, T0, "a");
            assertEquals(T0, feed.position(c));
        }
    }

    @Test
    void aConsumerThatDiesBeforeAdvancingFindsTheSameRowsAgain() throws SQLException {
        try (Connection c = connect()) {
            position(c, T0);
            response(c, 1, 1, T0.plusSeconds(1));
            response(c, 2, 1, T0.plusSeconds(2));
            assertEquals(2, feed.next(c, LAG, T0.plusSeconds(5), 10, ResponseFeedTest::row, "a").rows().size());
            // died here: nothing handled, nothing advanced
            ResponseFeed.Batch<Row> again = feed.next(c, LAG, T0.plusSeconds(6), 10, ResponseFeedTest::row, "a");
            assertEquals(List.of(new Row(1, 1), new Row(2, 1)), again.rows());
            // handled one, died before advancing: the handled one is skipped
            Jdbc.update(c, "INSERT INTO feed_handled (consumer, response_id, response_version) VALUES ('a', 1, 1)");
            assertEquals(List.of(new Row(2, 1)), feed.next(c, LAG, T0.plusSeconds(7), 10, ResponseFeedTest::row, "a").rows());
        }
    }

    @Test
    void thePositionOnlyMovesForwardWhenAnotherInstanceWentFurther() throws SQLException {
        try (Connection c = connect()) {
            position(c, T0);
            response(c, 1, 1, T0.plusSeconds(1));
            ResponseFeed.Batch<Row> slow = feed.next(c, LAG, T0.plusSeconds(10), 10, ResponseFeedTest::row, "a");
            position(c, T0.plusSeconds(8)); // another instance, meanwhile
            assertFalse(feed.advance(c, slow, T0.plusSeconds(10)));
            assertEquals(T0.plusSeconds(8), feed.position(c));
        }
    }

    @Test
    void instancesReadingAtOnceHandleEachVersionOnce() throws Exception {
        int responses = 60;
        try (Connection c = connect()) {
            position(c, T0);
            for (int i = 0; i < responses; i++) {
                response(c, 1000 + i, 1, T0.plusMillis(10L * i + 1));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> instances = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                instances.add(pool.submit(() -> {
                    int handled = 0;
                    try (Connection c = connect()) {
                        ResponseFeed.Batch<Row> batch;
                        do {
                            batch = feed.next(c, LAG, T0.plusSeconds(5), 7, ResponseFeedTest::row, "a");
                            handled += handle(c, batch, T0.plusSeconds(5), "a");
                        } while (batch.full(7));
                    }
                    return handled;
                }));
            }
            int handled = 0;
            for (Future<Integer> instance : instances) {
                handled += instance.get();
            }
            assertEquals(responses, handled);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connect()) {
            assertEquals(T0.plusMillis(10L * (responses - 1) + 1), feed.position(c));
        }
    }

    @Test
    void theRecentIdFloorLeavesRoomForOtherInstancesBlocks() {
        assertEquals(0, ResponseFeed.recentIdFloor(0));
        assertEquals(0, ResponseFeed.recentIdFloor(4_000));
        assertEquals(15_000, ResponseFeed.recentIdFloor(20_000));
    }
}
