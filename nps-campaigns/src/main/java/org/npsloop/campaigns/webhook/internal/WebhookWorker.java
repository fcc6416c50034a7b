package org.npsloop.campaigns.webhook.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.npsloop.campaigns.webhook.internal.WebhookQueue.Claimed;
import org.npsloop.campaigns.webhook.internal.WebhookQueue.Endpoint;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * This instance's webhook worker, ticking on the container's scheduled executor: each round records
 * events for new and changed responses, then delivers the due ones. Any number of instances can run
 * it against one database. Plain JDBC on auto-committing connections: no container EntityManager is
 * touched on the scheduler's thread.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
    /** Responses recorded per scan query, and scan queries per round. */
    private static final int SCAN_BATCH = 200;
    private static final int SCANS_PER_ROUND = 10;
    /** Deliveries per round at most, so that a round stays short. */
    private static final int DELIVERIES_PER_ROUND = 100;

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private WebhookConfig config;

    @Inject
    private Clock clock;

    @Inject
    private OutboundSettings outbound;

    @Inject
    private SchemaMigrator migrator;

    private final String worker = PeriodicWorker.instanceName("webhook", 200);
    private WebhookSender sender;
    private PeriodicWorker loop;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private Instant lastPurge;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (config.worker()) {
            sender = new WebhookSender(outbound.guard(), new PinnedHttpPost(config.timeout()), clock);
            loop = PeriodicWorker.of("Webhook round", scheduler, config::intervalMillis, this::tick, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
            LOG.info(() -> "Webhook worker " + worker + " started; retries " + config.backoff());
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** One round (its failure is logged by the loop, which goes on). */
    void tick() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            WebhookQueue queue = new WebhookQueue(db);
            purge(queue);
            Optional<Endpoint> endpoint = queue.endpoint();
            if (endpoint.isEmpty() || !endpoint.get().enabled() || endpoint.get().url() == null || endpoint.get().secret() == null) {
                return;
            }
            scan(queue);
            deliver(queue);
        }
    }

    private void scan(WebhookQueue queue) throws SQLException {
        for (int i = 0; i < SCANS_PER_ROUND; i++) {
            if (queue.scan(config.lag(), clock.instant(), SCAN_BATCH) < SCAN_BATCH) {
                return;
            }
        }
    }

    /** Sends due deliveries one by one; the first failure ends the round, so a dead endpoint costs one timeout per round. */
    private void deliver(WebhookQueue queue) throws SQLException {
        for (int i = 0; i < DELIVERIES_PER_ROUND && !loop.stopped(); i++) {
            // Read again for each delivery: an administrator may have changed the URL, the secret or disabled it.
            Optional<Endpoint> endpoint = queue.endpoint();
            if (endpoint.isEmpty() || !endpoint.get().enabled() || endpoint.get().url() == null || endpoint.get().secret() == null) {
                return;
            }
            Optional<Claimed> claimed = queue.claim(worker, clock.instant(), config.lease());
            if (claimed.isEmpty()) {
                return;
            }
            Claimed delivery = claimed.get();
            WebhookSender.Outcome outcome = sender.send(endpoint.get().url(), endpoint.get().secret(), delivery.eventId(),
                    delivery.eventType(), delivery.attempt(), delivery.payload());
            if (outcome.delivered()) {
                queue.markDelivered(delivery.id(), worker, outcome.status(), clock.instant());
                continue;
            }
            Optional<Duration> wait = config.backoff().after(delivery.attempt());
            if (wait.isPresent()) {
                queue.retryLater(delivery.id(), worker, outcome.status(), outcome.error(), clock.instant().plus(wait.get()));
                LOG.info(() -> "Webhook event " + delivery.eventId() + " attempt " + delivery.attempt() + " failed ("
                        + outcome.error() + "); next in " + wait.get().toSeconds() + " s");
            } else {
                queue.fail(delivery.id(), worker, outcome.status(), outcome.error());
                LOG.warning(() -> "Webhook event " + delivery.eventId() + " given up after " + delivery.attempt()
                        + " attempts: " + outcome.error());
            }
            return;
        }
    }

    /** Once an hour: finished deliveries past the retention go, with the personal data in their payloads. */
    private void purge(WebhookQueue queue) throws SQLException {
        Instant now = clock.instant();
        if (lastPurge == null || !lastPurge.isAfter(now.minus(PURGE_EVERY))) {
            lastPurge = now;
            int purged = queue.purge(now.minus(config.retention()));
            if (purged > 0) {
                LOG.info(() -> "Webhook: " + purged + " finished deliveries older than " + config.retention().toDays() + " days deleted");
            }
        }
    }
}
