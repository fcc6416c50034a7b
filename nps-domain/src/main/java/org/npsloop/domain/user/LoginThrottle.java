package org.npsloop.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The failed sign-ins of one subject: an account name (whether the account exists or not, so that the
 * answer reveals nothing) or a client address. Rules in {@link LoginLimit}. While locked, attempts are
 * refused without being counted: they neither reveal anything nor extend the lock.
 */
@Entity
@Table(name = "login_throttle")
@NamedQuery(name = "LoginThrottle.of", query = "SELECT t FROM LoginThrottle t WHERE t.subject IN :subjects")
@NamedQuery(name = "LoginThrottle.reset", query = "DELETE FROM LoginThrottle t WHERE t.subject = :subject")
@NamedQuery(name = "LoginThrottle.sweep",
        query = "DELETE FROM LoginThrottle t WHERE t.windowStart < :before AND (t.lockedUntil IS NULL OR t.lockedUntil < :before)")
public class LoginThrottle {

    static final int MAX_SUBJECT = 300;

    @Id
    @Column(length = MAX_SUBJECT)
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
        // for JPA
    }

    public LoginThrottle(String subject, Instant now) {
        this.subject = subject;
        this.windowStart = now;
    }

    /** The subject of an account name as typed: trimmed, lower case (as accounts are compared), bounded. */
    public static String account(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return bounded("account:" + name);
    }

    public static String address(String clientAddress) {
        return bounded("address:" + (clientAddress == null ? "" : clientAddress.strip()));
    }

    private static String bounded(String subject) {
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }

    /** How long this subject must still wait, if it is locked. */
    public Optional<Duration> lockedFor(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil))
                : Optional.empty();
    }

    /**
     * Counts a failed sign-in.
     *
     * @return the lock it earned, if any
     */
    public Optional<Duration> recordFailure(LoginLimit limit, Instant now) {
        Optional<Duration> locked = lockedFor(now);
        if (locked.isPresent()) {
            return locked;
        }
        Instant forgetAt = windowStart.plus(limit.window());
        if (lockedUntil != null && lockedUntil.plus(limit.window()).isAfter(forgetAt)) {
            forgetAt = lockedUntil.plus(limit.window());
        }
        if (!now.isBefore(forgetAt)) {
            failures = 0;
            windowStart = now;
            lockedUntil = null;
        }
        failures++;
        Duration lock = limit.lockAfter(failures);
        if (lock.isZero()) {
            return Optional.empty();
        }
        lockedUntil = now.plus(lock);
        return Optional.of(lock);
    }

    public String getSubject() {
        return subject;
    }

    public int getFailures() {
        return failures;
    }
}
