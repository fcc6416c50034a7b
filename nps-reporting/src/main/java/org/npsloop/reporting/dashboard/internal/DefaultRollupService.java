package org.npsloop.reporting.dashboard.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.platform.worker.PeriodicWorker;
import org.npsloop.reporting.dashboard.RollupService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Keeps the report rollups current on PostgreSQL (see {@link ReportRollups}): every few seconds a round folds the
 * changes noted since the last one and builds the next chunk of a build; once a day, after
 * {@code nps.report.rollups.check-hour} in the report zone, it checks them against the live figures. Any number of
 * instances may run it: one round at a time works (an advisory lock), the others return at once.
 */
@ApplicationScoped
public class DefaultRollupService implements RollupService {

    private static final Logger LOG = Logger.getLogger(DefaultRollupService.class.getName());

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private ResponseScope scope;

    @Inject
    private Clock clock;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    @ConfigProperty(name = "nps.report.rollups.worker", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "nps.report.rollups.interval-ms", defaultValue = "2000")
    private long intervalMillis;

    /** Days built per round while building: at 10,000 answers a day, a month is a few seconds' work. */
    @Inject
    @ConfigProperty(name = "nps.report.rollups.chunk-days", defaultValue = "31")
    private int chunkDays;

    @Inject
    @ConfigProperty(name = "nps.report.rollups.check-hour", defaultValue = "3")
    private int checkHour;

    /** Whether reports read the rollups (see DefaultReportService); segments are materialised only then. */
    @Inject
    @ConfigProperty(name = "nps.report.rollups.read", defaultValue = "true")
    private boolean readRollups = true;

    /** How old a segment's materialised members may get before the worker recomputes them. */
    @Inject
    @ConfigProperty(name = "nps.report.segments.refresh-minutes", defaultValue = "60")
    private long segmentRefreshMinutes = 60;

    /**
     * How long after its last count a change of contacts makes a segment due (0: only the schedule and requests);
     * each recount reads all its members' answers, so a large deployment with constant changes may want more.
     */
    @Inject
    @ConfigProperty(name = "nps.report.segments.recount-after-seconds", defaultValue = "60")
    private long segmentRecountSeconds = 60;

    private PeriodicWorker loop;

    public DefaultRollupService() {
        // for CDI
    }

    /** Outside the container (tests): on a data source of one's own, no schedule. */
    public DefaultRollupService(DataSource dataSource, ResponseScope scope, Clock clock) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.clock = clock;
        this.chunkDays = 31;
        this.checkHour = 3;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (enabled) {
            loop = PeriodicWorker.of("Report rollup round", scheduler, () -> Math.max(100, intervalMillis), this::round, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** One round: fold, build a chunk, and the daily check when it is due. Nothing on H2. */
    public ReportRollups.Round round() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (SqlDialect.of(connection) != SqlDialect.POSTGRESQL) {
                return new ReportRollups.Round(false, 0, 0, false, null);
            }
            ZoneId zone = scope.zone();
            ReportRollups.Round round = ReportRollups.fold(connection, zone, chunkDays, clock.instant());
            if (round.worked() && round.building()) {
                LOG.info(() -> "Report rollups for " + zone + ": built up to " + round.builtTo());
            }
            if (round.leftDeadRows()) {
                ReportRollups.vacuum(connection);
            }
            if (round.worked() && !round.building() && readRollups) {
                Instant now = clock.instant();
                Instant recountBefore = segmentRecountSeconds <= 0 ? Instant.EPOCH : now.minusSeconds(segmentRecountSeconds);
                OptionalLong refreshed = SegmentRollups.refreshDue(connection, zone, now,
                        now.minus(Duration.ofMinutes(Math.max(1, segmentRefreshMinutes))), recountBefore, scope::segmentRule);
                if (refreshed.isPresent()) {
                    LOG.fine(() -> "Report rollups: members of segment " + refreshed.getAsLong() + " recounted");
                    ReportRollups.vacuum(connection); // a recount rewrites the segment's rollups
                }
            }
            if (round.worked() && !round.building() && checkDue(ReportRollups.status(connection), zone)) {
                check(connection, zone);
            }
            return round;
        }
    }

    /** Due once a day, after the check hour in the report zone, on rollups built for that zone. */
    private boolean checkDue(State state, ZoneId zone) {
        if (!zone.getId().equals(state.zone()) || state.building()) {
            return false;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime due = now.toLocalDate().atTime(Math.max(0, Math.min(23, checkHour)), 0).atZone(zone);
        if (now.isBefore(due)) {
            due = due.minusDays(1);
        }
        return state.checkedAt() == null || state.checkedAt().isBefore(due.toInstant());
    }

    private int check(Connection connection, ZoneId zone) throws SQLException {
        Instant now = clock.instant();
        int mismatches = ReportRollups.check(connection, zone, now);
        if (mismatches > 0) {
            LOG.log(Level.WARNING, "Report rollups differ from the live figures in {0} partitions (campaign, day);"
                    + " they are recomputed", mismatches);
        } else {
            LOG.info("Report rollups checked: equal to the live figures");
        }
        return mismatches;
    }

    @Override
    public State state() {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.of(connection) == SqlDialect.POSTGRESQL ? ReportRollups.status(connection)
                    : new State(false, null, false, null, null, null, null, null, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Rollup state query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SegmentMembers> segmentMembers(long segmentId) {
        try (Connection connection = dataSource.getConnection()) {
            requireSegment(connection, segmentId);
            return readRollups && SqlDialect.of(connection) == SqlDialect.POSTGRESQL && ReportRollups.ready(connection, scope.zone())
                    ? SegmentRollups.membership(connection, segmentId, scope.zone()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Segment membership query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void refreshSegment(long segmentId) {
        try (Connection connection = dataSource.getConnection()) {
            requireSegment(connection, segmentId);
            if (SqlDialect.of(connection) == SqlDialect.POSTGRESQL) {
                SegmentRollups.request(connection, segmentId, clock.instant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Segment refresh request failed: " + e.getMessage(), e);
        }
    }

    private static void requireSegment(Connection connection, long segmentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM segment WHERE id = ?")) {
            statement.setLong(1, segmentId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("notFound.segment", segmentId);
                }
            }
        }
    }

    @Override
    public State check() {
        try (Connection connection = dataSource.getConnection()) {
            if (SqlDialect.of(connection) == SqlDialect.POSTGRESQL) {
                State state = ReportRollups.status(connection);
                if (scope.zone().getId().equals(state.zone()) && !state.building()) {
                    check(connection, scope.zone());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rollup check failed: " + e.getMessage(), e);
        }
        return state();
    }
}
