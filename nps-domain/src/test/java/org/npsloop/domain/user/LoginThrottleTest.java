package org.npsloop.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginLimit ACCOUNT = new LoginLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void noLockBelowTheThresholdThenOneMinuteDoublingUpToTheMaximum() {
        assertEquals(Duration.ZERO, ACCOUNT.lockAfter(4));
        assertEquals(Duration.ofMinutes(1), ACCOUNT.lockAfter(5));
        assertEquals(Duration.ofMinutes(2), ACCOUNT.lockAfter(6));
        assertEquals(Duration.ofMinutes(4), ACCOUNT.lockAfter(7));
        assertEquals(Duration.ofMinutes(8), ACCOUNT.lockAfter(8));
        assertEquals(Duration.ofMinutes(15), ACCOUNT.lockAfter(9));
        assertEquals(Duration.ofMinutes(15), ACCOUNT.lockAfter(Integer.MAX_VALUE));
    }

    @Test
    void theFifthFailureLocksAndAttemptsDuringTheLockAreNotCounted() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.account("Alice"), T0);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), throttle.recordFailure(ACCOUNT, T0.plusSeconds(i)));
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.recordFailure(ACCOUNT, T0.plusSeconds(4)));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor(T0.plusSeconds(34)));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.recordFailure(ACCOUNT, T0.plusSeconds(34)));
        assertEquals(5, throttle.getFailures(), "a refused attempt during the lock is not a guess");
        assertEquals(Optional.empty(), throttle.lockedFor(T0.plusSeconds(64)));
    }

    @Test
    void eachFailureAfterALockDoublesItAndWaitingItOutDoesNotResetTheCount() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.account("bob"), T0);
        Instant now = T0;
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(ACCOUNT, now);
        }
        Duration expected = Duration.ofMinutes(1);
        for (int i = 0; i < 5; i++) {
            now = now.plus(expected); // the lock has just ended
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15)
                    : expected.multipliedBy(2);
            assertEquals(Optional.of(expected), throttle.recordFailure(ACCOUNT, now));
        }
    }

    @Test
    void theCountIsForgottenAWindowAfterTheFirstFailureAndTheLastLock() {
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.account("carol"), T0);
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(ACCOUNT, T0);
        }
        assertEquals(Optional.empty(), throttle.recordFailure(ACCOUNT, T0.plus(Duration.ofMinutes(15))));
        assertEquals(1, throttle.getFailures());

        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(ACCOUNT, T0.plus(Duration.ofMinutes(15)));
        }
        Instant lockEnd = T0.plus(Duration.ofMinutes(16));
        assertTrue(throttle.recordFailure(ACCOUNT, lockEnd.plus(Duration.ofMinutes(14))).isPresent(),
                "within a window of the lock's end: the next failure locks again, for longer");
        LoginThrottle other = new LoginThrottle(LoginThrottle.account("dave"), T0);
        for (int i = 0; i < 5; i++) {
            other.recordFailure(ACCOUNT, T0);
        }
        assertEquals(Optional.empty(), other.recordFailure(ACCOUNT, T0.plus(Duration.ofMinutes(16))));
        assertEquals(1, other.getFailures(), "a window after the first failure and the lock's end: forgotten");
    }

    @Test
    void subjectsAreNormalisedAndBounded() {
        assertEquals("account:alice", LoginThrottle.account("  Alice "));
        assertEquals("address:203.0.113.7", LoginThrottle.address("203.0.113.7"));
        assertEquals(LoginThrottle.MAX_SUBJECT, LoginThrottle.account("x".repeat(1000)).length());
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginLimit(0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new LoginLimit(5, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
