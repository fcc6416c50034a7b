package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.audience.RetentionService;
import org.npsloop.domain.retention.RetentionPolicy;
import org.npsloop.domain.retention.RetentionRule;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.platform.audit.AuditTrail;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.worker.PeriodicWorker;
import org.npsloop.platform.worker.WorkerLease;

/**
 * Settings in {@code retention_settings} (one row). A run holds the {@code retention} lease of {@code worker_lease}
 * (renewed after each batch), so two runs never overlap, on one instance or several; the scheduled run is also claimed
 * by a conditional update of {@code last_run_at}, so several instances run it once per interval between them. Every rule
 * works in batches of {@code nps.retention.batch} rows, each its own short transaction; contacts go through the GDPR
 * erasure and comments through the same removal of the person's words, so every copy elsewhere goes too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DefaultRetentionService implements RetentionService {

    private static final Logger LOG = Logger.getLogger(DefaultRetentionService.class.getName());

    static final String LEASE = "retention";

    /** The entity of the run's audit event. */
    static final String AUDIT_ENTITY = "Retention";

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DefaultContactService contacts;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.retention.interval-ms", defaultValue = "86400000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.retention.batch", defaultValue = "200")
    int batch;

    @Inject
    @ConfigProperty(name = "nps.retention.lease-seconds", defaultValue = "600")
    long leaseSeconds;

    /** How often runs are due. */
    public Duration interval() {
        return Duration.ofMillis(Math.max(1000, intervalMillis));
    }

    @Override
    public Settings settings() {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement("SELECT contact_months, "
                + "comment_months, invitation_days, outbox_days, webhook_days, updated_at, updated_by, last_run_at "
                + "FROM retention_settings WHERE id = 1"); ResultSet rs = select.executeQuery()) {
            rs.next();
            RetentionPolicy policy = new RetentionPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
            Instant lastRun = Jdbc.instant(rs, 8);
            return new Settings(policy, Jdbc.instant(rs, 6), rs.getString(7), lastRun,
                    RetentionPolicy.nextRun(lastRun, interval(), clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the retention settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Settings save(RetentionPolicy policy, String actor) {
        try (Connection db = dataSource.getConnection()) {
            Jdbc.update(db, "UPDATE retention_settings SET contact_months = ?, comment_months = ?, invitation_days = ?, "
                    + "outbox_days = ?, webhook_days = ?, updated_at = ?, updated_by = ? WHERE id = 1", policy.contactMonths(),
                    policy.commentMonths(), policy.invitationDays(), policy.outboxDays(), policy.webhookDays(), clock.instant(), actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the retention settings failed: " + e.getMessage(), e);
        }
        return settings();
    }

    @Override
    public Preview preview() {
        Instant now = clock.instant();
        Map<RetentionRule, Instant> cutoffs = settings().policy().cutoffs(now);
        Map<RetentionRule, Long> counts = new EnumMap<>(RetentionRule.class);
        try (Connection db = dataSource.getConnection()) {
            RetentionQueries queries = new RetentionQueries(db);
            for (Map.Entry<RetentionRule, Instant> rule : cutoffs.entrySet()) {
                counts.put(rule.getKey(), queries.count(rule.getKey(), rule.getValue()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting what retention would remove failed: " + e.getMessage(), e);
        }
        return new Preview(now, cutoffs, counts);
    }

    @Override
    public Run run() {
        return runNow(AuditActor.current().orElse(AuditTrail.RETENTION));
    }

    @Override
    public Run runIfDue() {
        Instant now = clock.instant();
        try (Connection db = dataSource.getConnection()) {
            // Of several instances finding the run due, the one whose update lands takes it.
            if (Jdbc.update(db, "UPDATE retention_settings SET last_run_at = ? WHERE id = 1 AND (last_run_at IS NULL "
                    + "OR last_run_at <= ?)", now, now.minus(interval())) == 0) {
                return new Run(false, now, Map.of());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming the retention run failed: " + e.getMessage(), e);
        }
        if (!settings().policy().anyOn()) {
            return new Run(true, now, Map.of());
        }
        return runNow(AuditTrail.RETENTION);
    }

    private Run runNow(AuditActor actor) {
        Instant now = clock.instant();
        String worker = PeriodicWorker.instanceName("retention", 200);
        Duration lease = Duration.ofSeconds(Math.max(30, leaseSeconds));
        try (Connection db = dataSource.getConnection()) {
            if (!WorkerLease.claim(db, LEASE, worker, now, lease)) {
                LOG.info("Retention: another run holds the lease; this one does nothing");
                return new Run(false, now, Map.of());
            }
            try {
                RetentionPolicy policy = settings().policy();
                Map<RetentionRule, Long> removed = new EnumMap<>(RetentionRule.class);
                RetentionQueries queries = new RetentionQueries(db);
                for (Map.Entry<RetentionRule, Instant> rule : policy.cutoffs(now).entrySet()) {
                    removed.put(rule.getKey(), apply(db, queries, rule.getKey(), rule.getValue(), worker, lease));
                }
                Jdbc.update(db, "UPDATE retention_settings SET last_run_at = ? WHERE id = 1", clock.instant());
                AuditTrail.record(db, clock.instant(), actor, "RUN", AUDIT_ENTITY, null, summary(policy, removed), json(policy, removed));
                LOG.info(() -> "Retention run: " + summary(policy, removed));
                return new Run(true, now, removed);
            } finally {
                WorkerLease.release(db, LEASE, worker);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The retention run failed: " + e.getMessage(), e);
        }
    }

    /** One rule, batch after batch, until nothing is left or the lease was lost; how many rows it removed. */
    private long apply(Connection db, RetentionQueries queries, RetentionRule rule, Instant cutoff, String worker, Duration lease)
            throws SQLException {
        long removed = 0;
        long after = 0;
        int size = Math.max(1, batch);
        List<Long> ids;
        do {
            ids = queries.next(rule, cutoff, after, size);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            removed += switch (rule) {
                case CONTACTS -> erase(ids);
                case COMMENTS -> {
                    contacts.anonymise(new LinkedHashSet<>(ids));
                    yield ids.size();
                }
                case INVITATIONS -> queries.purgeInvitations(ids);
                case OUTBOX -> queries.deleteOutbox(ids);
                case WEBHOOKS -> queries.deleteWebhookDeliveries(ids);
            };
            if (!WorkerLease.claim(db, LEASE, worker, clock.instant(), lease)) {
                LOG.warning("Retention: the lease was lost (a run too slow for nps.retention.lease-seconds?); stopping");
                break;
            }
        } while (ids.size() == size);
        return removed;
    }

    /** Each contact in its own transaction: one that fails (changed meanwhile) is logged and the others still go. */
    private long erase(List<Long> ids) {
        long erased = 0;
        for (long id : ids) {
            try {
                contacts.erase(id);
                erased++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention: contact " + id + " could not be erased; next run tries again", e);
            }
        }
        return erased;
    }

    /** Counts only: the audit trail never holds what was removed. */
    static String summary(RetentionPolicy policy, Map<RetentionRule, Long> removed) {
        return removed.isEmpty() ? "every rule off, nothing removed"
                : removed.entrySet().stream().map(e -> e.getKey().field() + " " + policy.period(e.getKey()) + ": "
                        + e.getValue() + " removed").collect(Collectors.joining(", "));
    }

    static String json(RetentionPolicy policy, Map<RetentionRule, Long> removed) {
        return removed.entrySet().stream().map(e -> "\"" + e.getKey().name() + "\":{\"period\":" + policy.period(e.getKey())
                + ",\"removed\":" + e.getValue() + "}").collect(Collectors.joining(",", "{", "}"));
    }
}
