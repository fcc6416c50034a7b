package org.npsloop.campaigns.campaign.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dispatch settings (pace, threads, leases, retries, fatigue), from MicroProfile Config (see the README's configuration table). */
@ApplicationScoped
public class DispatchSettings {









    @Inject
    @ConfigProperty(name = "nps.dispatch.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "nps.dispatch.rate", defaultValue = "100")
    private int ratePerSecond;

    @Inject
    @ConfigProperty(name = "nps.dispatch.throttle.min-rate", defaultValue = "1")
    private double throttleMinRate;

    @Inject
    @ConfigProperty(name = "nps.dispatch.throttle.recover-after", defaultValue = "50")
    private int throttleRecoverAfter;

    @Inject
    @ConfigProperty(name = "nps.dispatch.throttle.quiet-seconds", defaultValue = "60")
    private int throttleQuietSeconds;

    @Inject
    @ConfigProperty(name = "nps.dispatch.threads", defaultValue = "1")
    private int threads;

    @Inject
    @ConfigProperty(name = "nps.dispatch.synchronous-commit", defaultValue = "false")
    private boolean synchronousCommit;

    @Inject
    @ConfigProperty(name = "nps.dispatch.batch", defaultValue = "100")
    private int batchSize;

    @Inject
    @ConfigProperty(name = "nps.dispatch.interval-ms", defaultValue = "1000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.dispatch.lease-seconds", defaultValue = "120")
    private int leaseSeconds;

    /** Journey moments are days apart: looking for due ones once a minute is plenty (tests look more often). */
    @Inject
    @ConfigProperty(name = "nps.dispatch.journey-check-seconds", defaultValue = "60")
    private int journeyCheckSeconds;

    @Inject
    @ConfigProperty(name = "nps.dispatch.retry-delays", defaultValue = Backoff.DEFAULT_DELAYS)
    private String retryDelays;

    @Inject
    @ConfigProperty(name = "nps.fatigue.days", defaultValue = "90")
    private int fatigueDays;

    private Backoff backoff;

    /** A bad retry-delays value stops the deployment at once rather than at the first 4xx reply. */
    @PostConstruct
    void parse() {
        backoff = Backoff.of(retryDelays);
    }




    public int fatigueDays() {
        return fatigueDays;
    }

    // Accessors only: callers hold a CDI proxy, whose fields are never set.




    public boolean enabled() {
        return enabled;
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /** The lowest rate throttling replies bring this instance to (messages a second). */
    public double throttleMinRate() {
        return throttleMinRate;
    }

    /** Accepted messages after which a throttled rate climbs one step. */
    public int throttleRecoverAfter() {
        return throttleRecoverAfter;
    }

    /** Seconds without a throttling reply after which a throttled rate climbs one step. */
    public int throttleQuietSeconds() {
        return throttleQuietSeconds;
    }

    /** Sending threads of this instance, each with its own SMTP and database connection (at least 1). */
    public int threads() {
        return Math.max(1, threads);
    }

    /** Whether SENT marks wait for PostgreSQL's WAL flush (see Dispatcher#commitWithoutFlush). */
    public boolean synchronousCommit() {
        return synchronousCommit;
    }

    public int batchSize() {
        return batchSize;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public java.time.Duration journeyCheck() {
        return java.time.Duration.ofSeconds(Math.max(1, journeyCheckSeconds));
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    /** When to retry after a temporary (4xx) refusal. */
    public Backoff backoff() {
        return backoff;
    }
}
