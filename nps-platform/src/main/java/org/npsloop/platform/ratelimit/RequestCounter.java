package org.npsloop.platform.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests per client address in fixed one-minute windows, counted in memory on each request (no database work on
 * the request) and added to what the other instances counted, as of their last {@link #sync}: an instance syncs
 * about once a second, so across n instances an address gets at most the limit plus what it sends to the others
 * within one sync interval.
 */
public final class RequestCounter {

    /** A flood of addresses: forget rather than grow without bound. */
    private static final int MAX_ADDRESSES = 100_000;

    private final int perMinute;
    private final String instance;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    /** Addresses counted since the last sync: only they are written. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile long window;
    /** The other instances' counts by address digest, of {@link #othersWindow}. */
    private volatile Map<String, Integer> others = Map.of();
    private volatile long othersWindow = -1;

    public RequestCounter(int perMinute, String instance) {
        this.perMinute = perMinute;
        this.instance = instance;
    }

    /** @return 0 when the request may go on, else the seconds until the next window (Retry-After) */
    public long hit(String address, long nowMillis) {
        long current = nowMillis / 60_000;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts.clear();
                    changed.clear();
                    window = current;
                }
            }
        }
        if (counts.size() > MAX_ADDRESSES) {
            counts.clear();
        }
        int count = counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        changed.add(address); // after the increment: a sync that missed it writes it next time
        Map<String, Integer> seen = others;
        if (othersWindow == current && !seen.isEmpty()) {
            count += seen.getOrDefault(SharedRequestCounts.hash(address), 0);
        }
        return count <= perMinute ? 0 : Math.max(1, (current + 1) * 60 - nowMillis / 1000);
    }

    /** Writes this instance's counts that changed since the last sync, then reads the other instances'. */
    public void sync(Connection connection, long nowMillis) throws SQLException {
        long current = nowMillis / 60_000;
        Map<String, Integer> snapshot = new HashMap<>();
        if (current == window) {
            for (Iterator<String> addresses = changed.iterator(); addresses.hasNext();) {
                String address = addresses.next();
                addresses.remove();
                AtomicInteger count = counts.get(address);
                if (count != null) {
                    snapshot.put(address, count.get());
                }
            }
        }
        SharedRequestCounts shared = new SharedRequestCounts(connection, instance);
        shared.write(current, snapshot);
        others = shared.others(current);
        othersWindow = current;
    }
}
