package org.npsloop.reporting.followup.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Turns new detractor responses into follow-ups every few seconds ({@code nps.follow-up.interval-ms}),
 * on the container's scheduler. The work is done by {@link FollowUpSync} in a transaction of its own
 * (the container EntityManager is never used outside one). Any number of instances may run it.
 */
@ApplicationScoped
public class FollowUpWorker {

    private static final Logger LOG = Logger.getLogger(FollowUpWorker.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private FollowUpSettings settings;

    @Inject
    private FollowUpSync sync;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    private Clock clock;

    private PeriodicWorker loop;
    private static final Duration FULL_SCAN_EVERY = Duration.ofHours(1);
    /** When this instance last looked at every response; null: not yet. */
    private Instant lastFullScan;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (settings.worker()) {
            loop = PeriodicWorker.of("Follow-up round", scheduler, settings::intervalMillis, this::tick, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
            LOG.info(() -> "Follow-up worker started; passives " + (settings.passives() ? "included" : "left out")
                    + ", due after " + settings.dueDays() + " days");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** One round; its usual failure (a lost race with another instance) is logged here, quietly. */
    void tick() {
        try {
            Instant now = clock.instant();
            boolean full = lastFullScan == null || !lastFullScan.isAfter(now.minus(FULL_SCAN_EVERY));
            for (int i = 0; i < 10 && !loop.stopped(); i++) {
                int created = sync.createMissing(full);
                if (created > 0) {
                    LOG.fine(() -> created + " follow-ups created");
                }
                if (created < FollowUpSync.BATCH) {
                    if (full) {
                        lastFullScan = now;
                    }
                    return;
                }
            }
        } catch (RuntimeException e) {
            // Usually another instance created the same follow-up first (unique constraint): next round.
            LOG.info(() -> "Follow-up round failed, trying again next round: " + e);
            LOG.log(Level.FINE, "Follow-up round failure", e);
        }
    }
}
