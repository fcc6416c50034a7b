package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Deletes contact uploads that were previewed but never imported, once older than
 * {@code nps.upload.abandoned-after-minutes} (a day by default): they hold contacts' data and disk
 * space. Ticks on the container's scheduled executor like the other workers (one one-shot task per
 * round, see PeriodicWorker). Uploads are in the database: every instance sweeps, each
 * upload is deleted once (UploadStore#deleteAbandoned). The same rounds resume imports whose
 * instance died (their lease expired), on a shorter interval: a tenth of the lease.
 */
@ApplicationScoped
public class UploadSweeper {

    private static final Logger LOG = Logger.getLogger(UploadSweeper.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private DefaultImportService imports;

    @Inject
    @ConfigProperty(name = "nps.upload.abandoned-after-minutes", defaultValue = "1440")
    long abandonedAfterMinutes;

    @Inject
    private SchemaMigrator migrator;

    private PeriodicWorker loop;
    private PeriodicWorker resumer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        loop = PeriodicWorker.of("Sweeping abandoned uploads", scheduler, () -> interval(age()).toMillis(), this::tick, LOG)
                .waitingForSchema(migrator::pendingMigrations);
        loop.start();
        resumer = PeriodicWorker.of("Resuming imports", scheduler, () -> Math.max(1000, imports.lease().toMillis() / 10),
                this::resume, LOG).waitingForSchema(migrator::pendingMigrations);
        resumer.start();
    }

    /** Takes over every import whose lease expired, one by one. */
    void resume() {
        while (imports.resumeOne()) {
            // each is submitted to the executor
        }
    }

    /** A quarter of the age, between a minute and an hour: an upload outlives its age by at most that. */
    static Duration interval(Duration age) {
        Duration quarter = age.dividedBy(4);
        return quarter.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : quarter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : quarter;
    }

    private Duration age() {
        return Duration.ofMinutes(Math.max(1, abandonedAfterMinutes));
    }

    /** One round (its failure is logged by the loop, which goes on). */
    void tick() {
        int deleted = imports.sweepAbandoned(age());
        if (deleted > 0) {
            LOG.info(() -> "Deleted " + deleted + " upload(s) previewed but not imported for " + age().toMinutes() + " min");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        if (resumer != null) {
            resumer.stop();
        }
    }
}
