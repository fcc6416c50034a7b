package org.npsloop.campaigns.webhook.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: after {@code initial}, then twice as long each time, never
 * longer than {@code max}; after {@code maxAttempts} attempts in all, give up. Defaults (30 s, 1 h,
 * 8 attempts): 30 s, 1, 2, 4, 8, 16, 32 min, then it fails about an hour after the event.
 */
public final class WebhookBackoff {

    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;

    public WebhookBackoff(Duration initial, Duration max, int maxAttempts) {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("nps.webhook.retry-initial-seconds must be positive");
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("nps.webhook.retry-max-seconds must be at least the initial delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("nps.webhook.max-attempts must be at least 1");
        }
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
    }

    /**
     * @param attempts attempts made so far, the failed one included (1 after the first failure)
     * @return the wait before the next attempt, or empty when it is time to give up
     */
    public Optional<Duration> after(int attempts) {
        if (attempts < 1 || attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return initial.toSeconds() + " s doubling up to " + max.toSeconds() + " s, " + maxAttempts + " attempts";
    }
}
