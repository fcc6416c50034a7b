package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Runs the data retention when due ({@code nps.retention.interval-ms}, a day by default): every instance looks at
 * least hourly, and the first to find it due runs it (DefaultRetentionService#runIfDue); with every rule off a run
 * removes nothing and records nothing.
 */
@ApplicationScoped
public class RetentionWorker {

    private static final Logger LOG = Logger.getLogger(RetentionWorker.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private DefaultRetentionService retention;

    @Inject
    private SchemaMigrator migrator;

    private PeriodicWorker loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        loop = PeriodicWorker.of("Retention round", scheduler, () -> Math.min(retention.interval().toMillis(), 3_600_000L),
                retention::runIfDue, LOG).waitingForSchema(migrator::pendingMigrations);
        loop.start();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }
}
