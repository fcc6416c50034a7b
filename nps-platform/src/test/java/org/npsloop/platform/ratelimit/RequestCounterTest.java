package org.npsloop.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.npsloop.platform.MigratedDatabaseTest;

/**
 * A client spreading its requests over two instances behind a load balancer meets one limit, not two: H2 here,
 * PostgreSQL in the subclass.
 */
class RequestCounterTest extends MigratedDatabaseTest {

    /** 10:00:00.000 of some day, in milliseconds. */
    static final long T0 = 1_795_000_000_000L / 60_000 * 60_000;
    static final int LIMIT = 120;

    @Test
    void requestsSpreadOverTwoInstancesCountTogether() throws SQLException {
        RequestCounter a = new RequestCounter(LIMIT, "instance-a");
        RequestCounter b = new RequestCounter(LIMIT, "instance-b");
        try (Connection ca = connect(); Connection cb = connect()) {
            for (int i = 0; i < 70; i++) {
                assertEquals(0, a.hit("203.0.113.7", T0 + i));
            }
            a.sync(ca, T0 + 1_000);
            b.sync(cb, T0 + 1_000);
            for (int i = 0; i < 50; i++) {
                assertEquals(0, b.hit("203.0.113.7", T0 + 1_100 + i), "request " + (71 + i) + " of the minute");
            }
            long retryAfter = b.hit("203.0.113.7", T0 + 2_000);
            assertTrue(retryAfter > 0, "the 121st request of the minute, on the other instance, is refused");
            assertEquals(58, retryAfter, "until the next minute");

            b.sync(cb, T0 + 3_000);
            a.sync(ca, T0 + 3_000);
            assertTrue(a.hit("203.0.113.7", T0 + 3_100) > 0, "the first instance now refuses it too");
            assertEquals(0, a.hit("198.51.100.1", T0 + 3_200), "another address is not concerned");
            assertEquals(0, b.hit("203.0.113.7", T0 + 60_000), "a new minute starts from zero");
        }
    }

    @Test
    void aloneItCountsOnItsOwn() {
        RequestCounter alone = new RequestCounter(3, "instance-a");
        assertEquals(0, alone.hit("203.0.113.7", T0));
        assertEquals(0, alone.hit("203.0.113.7", T0 + 1));
        assertEquals(0, alone.hit("203.0.113.7", T0 + 2));
        assertEquals(60, alone.hit("203.0.113.7", T0 + 3));
    }
}
