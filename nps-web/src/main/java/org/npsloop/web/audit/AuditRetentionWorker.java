package org.npsloop.web.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.audit.AuditTrail;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * Keeps the audit trail for {@code nps.audit.retention-days} (730 by default; 0 keeps it for ever): every
 * {@code nps.audit.purge-interval-ms} (an hour) the events older than that go, and the purge is itself an event. Safe
 * with several instances: each deletes what is old enough, whichever comes first.
 */
@ApplicationScoped
public class AuditRetentionWorker {

    private static final Logger LOG = Logger.getLogger(AuditRetentionWorker.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    @ConfigProperty(name = "nps.audit.retention-days", defaultValue = "730")
    private int retentionDays;

    @Inject
    @ConfigProperty(name = "nps.audit.purge-interval-ms", defaultValue = "3600000")
    private long intervalMillis;

    private PeriodicWorker loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (retentionDays > 0) {
            loop = PeriodicWorker.of("Audit retention round", scheduler, () -> Math.max(1000, intervalMillis), this::purge, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
        } else {
            LOG.info("Audit trail kept for ever (nps.audit.retention-days=0)");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private void purge() throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int removed = AuditTrail.purge(connection, retentionDays);
            if (removed > 0) {
                LOG.info(() -> "Audit trail: " + removed + " events older than " + retentionDays + " days removed");
            }
        }
    }
}
