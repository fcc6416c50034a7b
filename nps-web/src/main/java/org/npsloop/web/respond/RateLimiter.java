package org.npsloop.web.respond;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.web.http.ClientAddress;

/**
 * Requests per client address and minute on the public pages, counted in fixed one-minute windows
 * on each instance (behind a load balancer spreading clients over n instances, an address may get
 * up to n times the limit). The client address is {@link ClientAddress}'s.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    @Inject
    @ConfigProperty(name = "nps.respond.rate-limit", defaultValue = "120")
    private int perMinute;

    @Inject
    private ClientAddress clientAddress;

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window;

    /** @return 0 when the request may go on, else the seconds until the next window (Retry-After) */
    public long check(HttpServletRequest request) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = System.currentTimeMillis();
        long current = now / 60_000;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts.clear();
                    window = current;
                }
            }
        }
        if (counts.size() > MAX_ADDRESSES) {
            counts.clear(); // a flood of addresses: forget rather than grow without bound
        }
        int count = counts.computeIfAbsent(clientAddress.of(request), a -> new AtomicInteger()).incrementAndGet();
        return count <= perMinute ? 0 : Math.max(1, (current + 1) * 60 - now / 1000);
    }
}
