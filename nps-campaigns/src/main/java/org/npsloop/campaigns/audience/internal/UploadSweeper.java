package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes contact uploads that were previewed but never imported, once older than
 * {@code nps.upload.abandoned-after-minutes} (a day by default): they hold contacts' data and disk
 * space. Ticks on the container's scheduled executor like the other workers (one one-shot task per
 * round, see Dispatcher#scheduleNextTick). Uploads are kept per instance, so each instance sweeps
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

    private volatile ScheduledFuture<?> ticking;
    private volatile boolean stopped;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        scheduleNextTick();
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

    private void scheduleNextTick() {
        if (!stopped) {
            ticking = scheduler.schedule(() -> {
                try {
                    tick();
                } finally {
                    scheduleNextTick();
                }
            }, interval(age()).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One round: never throws, so that the schedule keeps running. */
    void tick() {
        try {
            int deleted = imports.sweepAbandoned(age());
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " upload(s) previewed but not imported for " + age().toMinutes() + " min");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping abandoned uploads failed; trying again next round", e);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
