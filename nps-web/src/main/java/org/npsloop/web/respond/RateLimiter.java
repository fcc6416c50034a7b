package org.npsloop.web.respond;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.ratelimit.RequestCounter;
import org.npsloop.platform.worker.PeriodicWorker;
import org.npsloop.web.http.ClientAddress;

/**
 * Requests per client address and minute on the public pages, in fixed one-minute windows, counted across instances:
 * each request is counted in memory ({@link RequestCounter}), and about once a second
 * ({@code nps.respond.rate-limit.sync-ms}) the instance writes its counts to the database and reads the other
 * instances' ({@code nps.respond.rate-limit.shared}, on by default). The client address is {@link ClientAddress}'s.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    @ConfigProperty(name = "nps.respond.rate-limit", defaultValue = "120")
    int perMinute;

    @Inject
    @ConfigProperty(name = "nps.respond.rate-limit.shared", defaultValue = "true")
    boolean shared;

    @Inject
    @ConfigProperty(name = "nps.respond.rate-limit.sync-ms", defaultValue = "1000")
    long syncMillis;

    @Inject
    private ClientAddress clientAddress;

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private SchemaMigrator migrator;

    private RequestCounter counter;
    private PeriodicWorker sharing;

    @PostConstruct
    void create() {
        counter = new RequestCounter(perMinute, PeriodicWorker.instanceName("respond", 120));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (perMinute > 0 && shared) {
            sharing = PeriodicWorker.of("Sharing the respondent rate limit's counts", scheduler,
                    () -> Math.max(100, syncMillis), this::sync, LOG).waitingForSchema(migrator::pendingMigrations);
            sharing.start();
        }
    }

    private void sync() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            counter.sync(connection, System.currentTimeMillis());
        }
    }

    @PreDestroy
    void stop() {
        if (sharing != null) {
            sharing.stop();
        }
    }

    /** @return 0 when the request may go on, else the seconds until the next window (Retry-After) */
    public long check(HttpServletRequest request) {
        return perMinute <= 0 ? 0 : counter.hit(clientAddress.of(request), System.currentTimeMillis());
    }
}
