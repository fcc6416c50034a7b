package org.npsloop.domain.deliverability;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The sending rate of one instance, shared by its sending threads, adapting to the receiving servers (AIMD, as TCP
 * does): a throttling reply (421, 451, 454, or a 4xx that says "rate", "too many", "throttl", "try again later")
 * halves the current rate, down to a floor; then every {@code recoverAfter} accepted messages, or every quiet period
 * without a throttling reply, the rate climbs by a tenth of the ceiling back to the configured ceiling. With no
 * ceiling (unlimited), the first halving starts from the rate measured over the last accepted messages, and the
 * rate becomes unlimited again once it has climbed back there.
 *
 * <p>Pure and thread-safe: the time source is injected, {@link #reserve()} tells a caller how long to wait for its
 * turn (the caller sleeps, outside the lock).
 */
public final class SendingPace {

    /** A 4xx reply whose text speaks of a rate: Amazon SES "Throttling failure", Gmail "unusual rate", "too many". */
    private static final Pattern THROTTLE_TEXT = Pattern.compile("rate|too many|throttl|try again later");
    private static final int MEASURED = 32;
    /** A burst of refusals (the messages already in flight on every thread) counts as one signal. */
    private static final long HOLD_OFF_NANOS = Duration.ofSeconds(1).toNanos();

    private final double ceiling;
    private final double floor;
    private final int recoverAfter;
    private final long quietNanos;
    private final LongSupplier nanoTime;

    /** Messages a second now; 0 = unlimited. */
    private double current;
    /** The rate to climb back to: the ceiling, or with none the rate measured at the first halving. */
    private double target;
    private long next;
    private long lastChange;
    private long lastHalving;
    private boolean halved;
    private int acceptedSinceChange;
    private final long[] accepts = new long[MEASURED];
    private int acceptCount;

    /**
     * @param ceiling the configured rate (messages a second, 0 = unlimited)
     * @param floor the lowest rate a throttle brings it to (above 0)
     * @param recoverAfter accepted messages after which the rate climbs one step
     * @param quiet time without a throttling reply after which the rate climbs one step
     * @param nanoTime the time source ({@code System::nanoTime})
     */
    public SendingPace(double ceiling, double floor, int recoverAfter, Duration quiet, LongSupplier nanoTime) {
        if (floor <= 0 || recoverAfter < 1 || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("The floor, the recovery count and the quiet period must be positive");
        }
        this.ceiling = Math.max(0, ceiling);
        this.floor = this.ceiling > 0 ? Math.min(floor, this.ceiling) : floor;
        this.recoverAfter = recoverAfter;
        this.quietNanos = quiet.toNanos();
        this.nanoTime = nanoTime;
        this.current = this.ceiling;
        this.target = this.ceiling;
        this.next = nanoTime.getAsLong();
        this.lastChange = next;
    }

    /** Whether a temporary refusal is the server asking us to slow down (rather than, say, a full mailbox). */
    public static boolean isThrottling(int replyCode, String text) {
        if (replyCode == 421 || replyCode == 451 || replyCode == 454) {
            return true;
        }
        return replyCode >= 400 && replyCode < 500 && text != null
                && THROTTLE_TEXT.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Takes the next sending slot: how many nanoseconds the caller waits before sending (0: at once). */
    public synchronized long reserve() {
        long now = nanoTime.getAsLong();
        recoverWhenQuiet(now);
        if (current == 0) {
            return 0;
        }
        long slot = Math.max(next, now);
        next = slot + (long) (1e9 / current);
        return slot - now;
    }

    /** The server accepted a message. */
    public synchronized void accepted() {
        long now = nanoTime.getAsLong();
        accepts[acceptCount++ % MEASURED] = now;
        if (current != target && ++acceptedSinceChange >= recoverAfter) {
            raise(now);
        }
    }

    /**
     * The server asked us to slow down: halves the rate (from the measured one when unlimited), not below the floor.
     * Refusals within a second of the last halving are the same burst and change nothing.
     *
     * @return whether the rate changed
     */
    public synchronized boolean throttled() {
        long now = nanoTime.getAsLong();
        if (halved && now - lastHalving < HOLD_OFF_NANOS) {
            return false;
        }
        double from = current;
        if (from == 0) {
            from = measured();
            target = Math.max(from, 2 * floor); // from there on, unlimited again
        }
        double half = Math.max(floor, from / 2);
        halved = true;
        lastHalving = now;
        lastChange = now; // the quiet period starts again, even at the floor
        acceptedSinceChange = 0;
        if (half == current) {
            return false;
        }
        current = half;
        next = Math.max(next, now); // the slots already handed out stay; the new pace applies after them
        return true;
    }

    /** Messages a second now; 0 means unlimited. */
    public synchronized double currentRate() {
        recoverWhenQuiet(nanoTime.getAsLong());
        return current;
    }

    /** Whether the rate is below the configured one, after a throttling reply. */
    public synchronized boolean slowed() {
        return current != target;
    }

    private void recoverWhenQuiet(long now) {
        while (current != target && now - lastChange >= quietNanos) {
            raise(lastChange + quietNanos);
        }
    }

    private void raise(long at) {
        double step = Math.max(1, target / 10);
        current = current + step >= target ? (ceiling == 0 ? 0 : ceiling) : current + step;
        if (current == ceiling) {
            target = ceiling;
        }
        lastChange = at;
        acceptedSinceChange = 0;
    }

    /** Over the last accepted messages; the floor when too few were sent to tell. */
    private double measured() {
        int n = Math.min(acceptCount, MEASURED);
        if (n < 2) {
            return floor;
        }
        long newest = accepts[(acceptCount - 1) % MEASURED];
        long oldest = accepts[(acceptCount - n) % MEASURED];
        return newest > oldest ? (n - 1) * 1e9 / (newest - oldest) : floor * 2;
    }
}
