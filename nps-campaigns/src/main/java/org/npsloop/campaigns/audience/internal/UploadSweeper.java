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
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Deletes contact uploads that were previewed but never imported, once older than
 * {@code nps.upload.abandoned-after-minutes} (a day by default): they hold contacts' data and disk
 * space. Ticks on the container's scheduled executor like the other workers (one one-shot task per
 * round, see PeriodicWorker). Uploads are kept per instance, so each instance sweeps
 * its own folder and needs no coordination with the others.
 */
@ApplicationScoped
public class UploadSweeper {

    private static final Logger LOG = Logger.getLogger(UploadSweeper.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private DefaultImportService imports;

    @Inject
    @ConfigProperty(name = "nps.upload.abandoned-after-minutes", defaultValue = "1440")
    long abandonedAfterMinutes;

    private PeriodicWorker loop;

    /** No schema wait: the uploads are files of this instance. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        loop = PeriodicWorker.of("Sweeping abandoned uploads", scheduler, () -> interval(age()).toMillis(), this::tick, LOG);
        loop.start();
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
    }
}
