package org.npsloop.campaigns.campaign.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When to try a temporarily refused message again: after each delay in turn, then give up. The delays
 * come from {@code nps.dispatch.retry-delays}; by default 1, 5, 15 and 60 minutes.
 */
public final class Backoff {

    /** The default of {@code nps.dispatch.retry-delays}, in seconds. */
    public static final String DEFAULT_DELAYS = "60,300,900,3600";
    public static final Backoff DEFAULT = of(DEFAULT_DELAYS);

    private final List<Duration> delays;

    private Backoff(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /**
     * @param seconds comma-separated whole seconds, e.g. {@code 60,300,900,3600}: one retry per value
     * @throws IllegalArgumentException naming the bad value when one is not a positive whole number
     */
    public static Backoff of(String seconds) {
        List<Duration> delays = new ArrayList<>();
        for (String value : seconds.split(",")) {
            long delay;
            try {
                delay = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                delay = -1;
            }
            if (delay <= 0) {
                throw new IllegalArgumentException("nps.dispatch.retry-delays: '" + value.strip()
                        + "' is not a positive number of seconds (expected e.g. " + DEFAULT_DELAYS + ")");
            }
            delays.add(Duration.ofSeconds(delay));
        }
        return new Backoff(delays);
    }

    /** @param attempts attempts made so far (1 after the first failure); empty when it is time to give up */
    public Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
    }

    public List<Duration> delays() {
        return delays;
    }

    @Override
    public String toString() {
        return delays.stream().map(d -> String.valueOf(d.toSeconds())).reduce((a, b) -> a + "," + b).orElse("") + " s";
    }
}
