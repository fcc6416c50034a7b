package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.LoginLimit;
import org.npsloop.domain.user.LoginThrottle;

/**
 * Failed sign-ins per account name and per client address, in the database so that every instance
 * shares them (rules: {@link LoginLimit}). Each failure is counted in its own short transaction, the
 * subject's row locked, so that concurrent guesses on several instances are all counted.
 */
@ApplicationScoped
public class LoginThrottling {

    /** Rows quiet for this long are swept, now and then, by a failure. */
    private static final Duration KEEP = Duration.ofDays(1);

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.login.account.max-failures", defaultValue = "5")
    private int accountMaxFailures;
    @Inject
    @ConfigProperty(name = "nps.login.account.window-seconds", defaultValue = "900")
    private long accountWindowSeconds;
    @Inject
    @ConfigProperty(name = "nps.login.account.lock-seconds", defaultValue = "60")
    private long accountLockSeconds;
    @Inject
    @ConfigProperty(name = "nps.login.account.max-lock-seconds", defaultValue = "900")
    private long accountMaxLockSeconds;
    @Inject
    @ConfigProperty(name = "nps.login.address.max-failures", defaultValue = "30")
    private int addressMaxFailures;
    @Inject
    @ConfigProperty(name = "nps.login.address.window-seconds", defaultValue = "600")
    private long addressWindowSeconds;
    @Inject
    @ConfigProperty(name = "nps.login.address.lock-seconds", defaultValue = "600")
    private long addressLockSeconds;
    @Inject
    @ConfigProperty(name = "nps.login.address.max-lock-seconds", defaultValue = "3600")
    private long addressMaxLockSeconds;

    LoginLimit accountLimit() {
        return new LoginLimit(accountMaxFailures, Duration.ofSeconds(accountWindowSeconds),
                Duration.ofSeconds(accountLockSeconds), Duration.ofSeconds(accountMaxLockSeconds));
    }

    LoginLimit addressLimit() {
        return new LoginLimit(addressMaxFailures, Duration.ofSeconds(addressWindowSeconds),
                Duration.ofSeconds(addressLockSeconds), Duration.ofSeconds(addressMaxLockSeconds));
    }

    /** How long the account name or the address must still wait, if either is locked. */
    @Transactional
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return em.createNamedQuery("LoginThrottle.of", LoginThrottle.class)
                .setParameter("subjects", List.of(LoginThrottle.account(username), LoginThrottle.address(address)))
                .getResultStream().map(t -> t.lockedFor(now)).flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    /** Counts a failure against both; returns the longest lock it earned, if any. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> recordFailure(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = fail(LoginThrottle.account(username), accountLimit(), now);
        Optional<Duration> byAddress = fail(LoginThrottle.address(address), addressLimit(), now);
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            em.createNamedQuery("LoginThrottle.sweep").setParameter("before", now.minus(KEEP)).executeUpdate();
        }
        return account.isEmpty() ? byAddress
                : byAddress.isEmpty() || account.get().compareTo(byAddress.get()) >= 0 ? account : byAddress;
    }

    /** A success: the account starts afresh (its address's count stays). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String username) {
        em.createNamedQuery("LoginThrottle.reset").setParameter("subject", LoginThrottle.account(username))
                .executeUpdate();
    }

    private Optional<Duration> fail(String subject, LoginLimit limit, Instant now) {
        LoginThrottle throttle = em.find(LoginThrottle.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new LoginThrottle(subject, now);
            em.persist(throttle);
        }
        return throttle.recordFailure(limit, now);
    }
}
