package org.npsloop.domain.user;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed sign-ins one subject (an account name or a client address) may make before it must
 * wait, and for how long: the {@code maxFailures}-th failure within {@code window} locks it for
 * {@code firstLock}, each further failure after a lock doubles it, up to {@code maxLock}. The count is
 * forgotten once {@code window} has passed since the first failure and since the end of the last lock,
 * so that waiting out a lock does not buy a fresh set of guesses.
 */
public record LoginLimit(int maxFailures, Duration window, Duration firstLock, Duration maxLock) {

    /** Doubling beyond this many steps would overflow long before any sane maximum is reached. */
    private static final int MAX_DOUBLINGS = 30;

    public LoginLimit {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(maxLock, "maxLock");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        if (window.isNegative() || window.isZero() || firstLock.isNegative() || firstLock.isZero()) {
            throw new IllegalArgumentException("window and firstLock must be positive");
        }
        if (maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("maxLock " + maxLock + " is shorter than firstLock " + firstLock);
        }
    }

    /** The lock earned by the {@code failures}-th failure in a row: none below the threshold. */
    public Duration lockAfter(int failures) {
        if (failures < maxFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - maxFailures, MAX_DOUBLINGS);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
