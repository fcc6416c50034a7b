package org.npsloop.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.platform.MigratedDatabaseTest;

/** Two instances' counts through the real table (every migration applied): H2 here, PostgreSQL in the subclass. */
class SharedRequestCountsTest extends MigratedDatabaseTest {

    static final long MINUTE = 29_412_345L;

    @Test
    void eachInstanceSeesWhatTheOthersCountedNotItsOwn() throws SQLException {
        try (Connection a = connect(); Connection b = connect(); Connection c = connect()) {
            SharedRequestCounts onA = new SharedRequestCounts(a, "a");
            SharedRequestCounts onB = new SharedRequestCounts(b, "b");
            SharedRequestCounts onC = new SharedRequestCounts(c, "c");
            onA.write(MINUTE, Map.of("203.0.113.7", 40, "198.51.100.1", 2));
            onB.write(MINUTE, Map.of("203.0.113.7", 50));
            // A writes again: its absolute count replaces its row, it is not added to it.
            onA.write(MINUTE, Map.of("203.0.113.7", 45));

            String address = SharedRequestCounts.hash("203.0.113.7");
            assertEquals(50, onA.others(MINUTE).get(address));
            assertEquals(45, onB.others(MINUTE).get(address));
            assertEquals(95, onC.others(MINUTE).get(address));
            assertEquals(2, onB.others(MINUTE).get(SharedRequestCounts.hash("198.51.100.1")));
            assertTrue(onA.others(MINUTE + 1).isEmpty(), "the next minute starts from zero");
        }
    }

    @Test
    void rowsOlderThanThePreviousMinuteGoAndNoAddressIsStoredInClear() throws SQLException {
        try (Connection a = connect(); Connection b = connect()) {
            new SharedRequestCounts(a, "a").write(MINUTE, Map.of("203.0.113.7", 3));
            new SharedRequestCounts(a, "a").write(MINUTE + 1, Map.of("203.0.113.7", 4));
            new SharedRequestCounts(b, "b").write(MINUTE + 2, Map.of());

            try (Statement s = a.createStatement();
                    ResultSet rows = s.executeQuery("SELECT window_minute, address_hash FROM rate_limit_count ORDER BY window_minute")) {
                assertTrue(rows.next());
                assertEquals(MINUTE + 1, rows.getLong(1), "the minute before the current one stays, older ones go");
                assertFalse(rows.getString(2).contains("203.0.113"));
                assertEquals(64, rows.getString(2).length());
                assertFalse(rows.next());
            }
        }
    }
}
