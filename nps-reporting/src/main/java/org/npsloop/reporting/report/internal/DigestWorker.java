package org.npsloop.reporting.report.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.reporting.report.DigestService;

/**
 * Checks on the container's scheduler whether this week's digest is due; every instance runs it, the
 * claim in {@link DefaultDigestService#sendIfDue()} makes one of them send it. The work runs in that
 * transactional bean, never on the scheduler's thread with a bare EntityManager.
 */
@ApplicationScoped
public class DigestWorker {

    private static final Logger LOG = Logger.getLogger(DigestWorker.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private DigestService digests;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    @ConfigProperty(name = "nps.digest.worker", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "nps.digest.interval-ms", defaultValue = "60000")
    private long intervalMillis;

    private volatile ScheduledFuture<?> ticking;
    private volatile boolean stopped;
    private volatile boolean schemaReady;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (enabled) {
            scheduleNextTick();
            LOG.info(() -> "Weekly digest worker started, checking every " + intervalMillis + " ms");
        }
    }

    /** One one-shot task per round, each scheduling the next (as the dispatcher and the webhook worker do). */
    private void scheduleNextTick() {
        if (!stopped) {
            ticking = scheduler.schedule(() -> {
                try {
                    tick();
                } finally {
                    scheduleNextTick();
                }
            }, Math.max(100, intervalMillis), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** One round: never throws, so that the schedule keeps running. */
    void tick() {
        if (!schemaReady) {
            try {
                schemaReady = migrator.pendingMigrations() == 0;
            } catch (RuntimeException notYet) {
                LOG.log(Level.FINE, "Schema not ready yet", notYet);
            }
            if (!schemaReady) {
                return;
            }
        }
        try {
            digests.sendIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Weekly digest round failed; trying again next round", e);
        }
    }
}
