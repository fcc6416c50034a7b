package org.npsloop.campaigns.internal.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When to try a temporarily refused message again: 1, 5, 15, 60 minutes, then give up. */
public final class Backoff {

    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60));

    private Backoff() {
    }

    /** @param attempts attempts made so far (1 after the first failure); empty when it is time to give up */
    public static Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= DELAYS.size() ? Optional.of(DELAYS.get(attempts - 1)) : Optional.empty();
    }
}
