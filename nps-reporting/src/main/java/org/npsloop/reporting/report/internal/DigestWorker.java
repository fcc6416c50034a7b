package org.npsloop.reporting.report.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;
import org.npsloop.reporting.report.DigestService;

/**
 * Checks on the container's scheduler whether this week's digest is due; every instance runs it, the
 * claim in {@link DefaultDigestService#sendIfDue()} makes one of them send it. The work runs in that
 * transactional bean, never on the scheduler's thread with a bare EntityManager.
 */
@ApplicationScoped
public class DigestWorker {

    private static final Logger LOG = Logger.getLogger(DigestWorker.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
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

    private PeriodicWorker loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (enabled) {
            loop = PeriodicWorker.of("Weekly digest round", scheduler, () -> Math.max(100, intervalMillis),
                    digests::sendIfDue, LOG).waitingForSchema(migrator::pendingMigrations);
            loop.start();
            LOG.info(() -> "Weekly digest worker started, checking every " + intervalMillis + " ms");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }
}
