package org.npsloop.reporting.themes.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.feed.ResponseFeed;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Keeps the AUTO theme assignments current on the container's scheduled executor: each round matches
 * new and changed responses, then a slice of the full re-match a rule change started. Any number of
 * instances may run it; the one holding the lease works, the others wait for it to lapse.
 */
@ApplicationScoped
public class ThemeMatchingWorker {

    private static final Logger LOG = Logger.getLogger(ThemeMatchingWorker.class.getName());
    static final int BATCH = 500;
    /** A round stops starting new batches after this, so a full re-match never holds the thread long. */
    private static final Duration ROUND = Duration.ofSeconds(5);

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private ThemeMatchingSteps steps;

    @Inject
    private Clock clock;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    @ConfigProperty(name = "nps.themes.worker", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "nps.themes.interval-ms", defaultValue = "2000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.themes.lag-seconds", defaultValue = "30")
    private long lagSeconds;

    @Inject
    @ConfigProperty(name = "nps.themes.sweep-seconds", defaultValue = "60")
    private long sweepSeconds;

    private final String worker = PeriodicWorker.instanceName("themes", 200);
    /** Responses above this id are looked at every round; null until the first full sweep. */
    private volatile Long floor;
    private volatile long lastSweep;
    private PeriodicWorker loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (enabled) {
            loop = PeriodicWorker.of("Theme matching round", scheduler, () -> Math.max(100, intervalMillis), this::tick, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
            LOG.info(() -> "Theme matching worker " + worker + " started");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** One round (its failure is logged by the loop, which goes on). */
    void tick() throws java.sql.SQLException {
        Duration lease = Duration.ofMillis(Math.max(intervalMillis, 1000) * 3).plus(ROUND).plusSeconds(30);
        if (!steps.claim(worker, clock.instant(), lease)) {
            return;
        }
        long end = System.nanoTime() + ROUND.toNanos();
        while (!loop.stopped() && steps.matchChanged(Duration.ofSeconds(lagSeconds), clock.instant(), BATCH) == BATCH
                && System.nanoTime() < end) {
            // more changed responses than one batch: go on
        }
        sweepUnmatched(end);
        while (!loop.stopped() && System.nanoTime() < end && steps.rematchStep(clock.instant(), BATCH) > 0) {
            // the full re-match goes on in slices
        }
    }

    /**
     * New responses never matched: each round those above a floor (recent ids, cheap); every
     * {@code nps.themes.sweep-seconds} all of them (one anti-join over the response ids), since an instance
     * may write an id from a block of ids it took long ago. The floor stays below the ids other instances
     * may still hold, by {@link ResponseFeed#ID_MARGIN}.
     */
    private void sweepUnmatched(long end) throws java.sql.SQLException {
        long now = System.nanoTime();
        boolean full = floor == null || now - lastSweep >= TimeUnit.SECONDS.toNanos(Math.max(1, sweepSeconds));
        long top = full ? steps.maxResponseId() : 0;
        Long after = full ? Long.valueOf(0) : floor;
        while (after != null && !loop.stopped() && System.nanoTime() < end) {
            after = steps.matchUnmatched(after, clock.instant(), BATCH);
        }
        if (full && after == null) {
            floor = ResponseFeed.recentIdFloor(top);
            lastSweep = now;
        }
    }
}
