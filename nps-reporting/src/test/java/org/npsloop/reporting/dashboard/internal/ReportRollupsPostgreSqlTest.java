package org.npsloop.reporting.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.platform.TestSchemas;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.dashboard.RollupService;
import org.npsloop.reporting.scope.ResponseScope;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The reports from the rollups give the live figures after every kind of write, before the worker folds it (the
 * write's partition is read live) and after; a build for another zone, the check, and concurrent writers.
 */
class ReportRollupsPostgreSqlTest {

    private static final String PARIS = "Europe/Paris";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private String url;
    private PGSimpleDataSource dataSource;
    private DefaultReportService reports;
    private DefaultRollupService rollups;
    private final AtomicLong ids = new AtomicLong(10_000);

    @BeforeEach
    void database() throws SQLException {
        url = TestSchemas.create();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(System.getProperty("it.db.user", "postgres"));
        dataSource.setPassword(System.getProperty("it.db.password", "postgres"));
        execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', NOW(), NOW(), 0)",
                "INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event)"
                        + " VALUES (10, 'Welcome', 1, 'JOURNEY', 'SENDING', 'Europe/Paris', NOW(), NOW(), 0, 'ONBOARDING')",
                "INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version)"
                        + " VALUES (20, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', NOW(), NOW(), 0)");
        for (int contact = 1; contact <= 6; contact++) {
            execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) VALUES (" + contact
                    + ", 'c" + contact + "@example.com', '" + (contact % 3 == 0 ? "EN" : "FR") + "', 'ACTIVE', NOW(), NOW(), 0)");
        }
        // Two months of answers, some near midnight in Paris (23:30 UTC is the next day there), both campaigns and none.
        for (int i = 0; i < 60; i++) {
            LocalDate day = LocalDate.of(2026, 10, 1).plusDays(i);
            long invitation = invitation(i % 2 == 0 ? 10 : 20, 1 + i % 6, "SENT", day + " 09:00:00");
            response(1 + i % 6, i % 11, i % 5 == 0 ? null : (i % 2 == 0 ? 10 : 20), i % 3 == 0 ? invitation : null,
                    i % 7 == 0 ? "PHONE" : "EMAIL", day + (i % 4 == 0 ? " 23:30:00" : " 10:00:00"), i % 13 == 0);
        }
        execute("UPDATE invitation i SET answered_at = r.responded_at FROM response r WHERE r.invitation_id = i.id AND NOT r.flagged");
        ResponseScope scope = new ResponseScope(PARIS);
        reports = new DefaultReportService(dataSource, scope);
        rollups = new DefaultRollupService(dataSource, scope, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(rollups.round().building() || !rollups.state().building(), "the first round starts the build");
        build(rollups);
    }

    @AfterEach
    void drop() throws SQLException {
        TestSchemas.drop(url);
    }

    @Test
    void theRollupsAreBuiltAndGiveTheLiveFigures() throws SQLException {
        RollupService.State state = rollups.state();
        assertEquals(PARIS, state.zone());
        assertFalse(state.building());
        try (Connection c = dataSource.getConnection()) {
            assertTrue(ReportRollups.usable(c, ReportFilter.everything(), java.time.ZoneId.of(PARIS)));
        }
        assertSameAsLive();
        assertEquals(0, rollups.check().mismatches());
    }

    @Test
    void everyKindOfWriteIsExactBeforeAndAfterTheWorkerFoldsIt() throws SQLException {
        List<String[]> writes = List.of(
                new String[] {"a new answer", null},
                new String[] {"a changed score", "UPDATE response SET score = 10 - score WHERE id IN (SELECT MIN(id) FROM response)"},
                new String[] {"an answer flagged", "UPDATE response SET flagged = TRUE WHERE id = (SELECT MAX(id) FROM response WHERE NOT flagged)"},
                new String[] {"a late phone entry with an old date", null},
                new String[] {"a contact's language", "UPDATE contact SET language = 'EN' WHERE id = 1"},
                new String[] {"an invitation sent", null},
                new String[] {"an invitation answered", "UPDATE invitation SET answered_at = sent_at WHERE id = (SELECT MAX(id) FROM invitation"
                        + " WHERE answered_at IS NULL AND status = 'SENT')"},
                new String[] {"an answer moved to another campaign", "UPDATE response SET campaign_id = 20 WHERE campaign_id IS NULL"},
                new String[] {"an answer deleted", "DELETE FROM response WHERE id = (SELECT MAX(id) FROM response WHERE invitation_id IS NULL)"},
                new String[] {"a contact erased", null});
        for (String[] write : writes) {
            switch (write[0]) {
                case "a new answer" -> response(2, 9, 10, null, "EMAIL", "2026-11-20 23:45:00", false);
                case "a late phone entry with an old date" -> response(3, 0, 20, null, "PHONE", "2026-10-03 22:10:00", false);
                case "an invitation sent" -> {
                    long id = invitation(10, 4, "PENDING", null);
                    execute("UPDATE invitation SET status = 'SENT', sent_at = TIMESTAMP WITH TIME ZONE '2026-11-29 23:10:00+00'"
                            + " WHERE id = " + id);
                }
                case "a contact erased" -> execute("UPDATE response SET invitation_id = NULL WHERE contact_id = 5",
                        "DELETE FROM invitation WHERE contact_id = 5", "DELETE FROM contact WHERE id = 5");
                default -> execute(write[1]);
            }
            assertTrue(rollups.state().dirtyRows() > 0, write[0] + " marks its partition");
            assertSameAsLive(reports, false);
            rollups.round();
            assertEquals(0, rollups.state().dirtyRows(), write[0] + " folded");
            assertSameAsLive(reports, false);
        }
        assertSameAsLive();
        assertEquals(0, rollups.check().mismatches());
    }

    @Test
    void theCheckFindsADifferenceAndTheWorkerRepairsIt() throws SQLException {
        // One row of each: two partitions (campaign, day) differ.
        execute("UPDATE response_rollup SET s5 = s5 + 1 WHERE ctid = (SELECT MIN(ctid) FROM response_rollup WHERE day = DATE '2026-10-06')");
        execute("UPDATE invitation_rollup SET sent = sent + 1 WHERE ctid = (SELECT MIN(ctid) FROM invitation_rollup WHERE day = DATE '2026-11-20')");

        assertEquals(2, rollups.check().mismatches());

        assertSameAsLive(); // the differing partitions are dirty: read live
        rollups.round();
        assertEquals(0, rollups.check().mismatches());
        assertSameAsLive();
    }

    @Test
    void anotherZoneIsBuiltWhileReportsReadLive() throws SQLException {
        ResponseScope newYork = new ResponseScope("America/New_York");
        DefaultReportService reportsThere = new DefaultReportService(dataSource, newYork);
        DefaultRollupService rollupsThere = new DefaultRollupService(dataSource, newYork, Clock.fixed(NOW, ZoneOffset.UTC));
        try (Connection c = dataSource.getConnection()) {
            assertFalse(ReportRollups.usable(c, ReportFilter.everything(), newYork.zone()), "built for Paris");
        }
        ReportRollups.Round round = rollupsThere.round();
        assertTrue(round.building(), "two months in chunks of 31 days");
        assertEquals(LocalDate.of(2026, 10, 1).plusDays(31), round.builtTo());
        response(1, 4, 20, null, "EMAIL", "2026-10-02 03:30:00", false); // a day already built, during the build
        assertSameAsLive(reportsThere);
        build(rollupsThere);
        assertEquals("America/New_York", rollupsThere.state().zone());
        assertSameAsLive(reportsThere);
        assertEquals(0, rollupsThere.check().mismatches());
    }

    @Test
    void concurrentWritersAndWorkersLeaveExactRollups() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        // Half the rounds recompute partition by partition, half by one scan of their span (as after a bulk load).
        AtomicLong rounds = new AtomicLong();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int writer = 0; writer < 3; writer++) {
                int w = writer;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        response(1 + (w + i) % 6, (w * 7 + i) % 11, i % 3 == 0 ? null : 10 + 10 * (i % 2), null,
                                i % 5 == 0 ? "PHONE" : "EMAIL", "2026-11-" + (10 + i % 15) + " 2" + (i % 4) + ":10:00", false);
                        execute("UPDATE response SET score = " + (i % 11) + " WHERE id = (SELECT MIN(id) + " + (i % 30) + " FROM response)");
                    }
                    return null;
                }));
            }
            for (int worker = 0; worker < 2; worker++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        ReportRollups.perPartitionMax = rounds.incrementAndGet() % 2 == 0 ? 0 : 64;
                        rollups.round();
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
            ReportRollups.perPartitionMax = 64;
        }
        assertSameAsLive();
        rollups.round();
        assertEquals(0, rollups.state().dirtyRows());
        assertSameAsLive();
        assertEquals(0, rollups.check().mismatches());
    }

    @Test
    void aSegmentIsReadFromItsMembersAsOfTheirRefreshAndKeptExact() throws SQLException {
        // Segment 7: the French-speaking contacts (1, 2, 4, 5), its rule evaluated by the scope as the application's is.
        execute("INSERT INTO segment (id, name, definition, created_at, updated_at, version) VALUES (7, 'French', '{}', NOW(), NOW(), 0)");
        SegmentScope scope = new SegmentScope(7L, new SqlCondition("c.language = ?", List.of("FR")));
        DefaultReportService segmentReports = new DefaultReportService(dataSource, scope);
        DefaultRollupService worker = new DefaultRollupService(dataSource, scope, Clock.fixed(NOW, ZoneOffset.UTC));
        ReportFilter french = ReportFilter.everything().withSegment(7L);
        try (Connection c = dataSource.getConnection()) {
            assertFalse(ReportRollups.usable(c, french, scope.zone()), "not materialised yet: read live");
            assertTrue(worker.segmentMembers(7).isEmpty());
            worker.round();
            assertTrue(ReportRollups.usable(c, french, scope.zone()), "materialised by the worker's round");
        }
        RollupService.SegmentMembers members = worker.segmentMembers(7).orElseThrow();
        assertEquals(4, members.members());
        assertEquals(NOW, members.asOf());
        assertSameAsLiveForSegment(segmentReports);

        // Answers change: exact before the fold (read live among the members) and after.
        response(2, 3, 10, null, "EMAIL", "2026-11-20 23:45:00", false);
        execute("UPDATE response SET score = 10 - score WHERE contact_id = 4");
        assertSameAsLiveForSegment(segmentReports);
        worker.round();
        assertEquals(0, worker.state().dirtyRows());
        assertSameAsLiveForSegment(segmentReports);

        // Contact 1 becomes English: the rule no longer selects it, the materialised members (as of their refresh) still do.
        execute("UPDATE contact SET language = 'EN' WHERE id = 1");
        worker.round();
        DefaultReportService asOfRefresh = new DefaultReportService(dataSource,
                new SegmentScope(7L, SegmentRollups.members(7L))).live();
        assertEquals(describe(asOfRefresh.dashboard(french, TrendGranularity.MONTH)),
                describe(segmentReports.dashboard(french, TrendGranularity.MONTH)), "the members as of the refresh");
        assertFalse(describe(segmentReports.live().dashboard(french, TrendGranularity.MONTH))
                .equals(describe(segmentReports.dashboard(french, TrendGranularity.MONTH))), "contact 1 still counted");
        worker.refreshSegment(7);
        assertTrue(worker.segmentMembers(7).orElseThrow().refreshRequested());
        worker.round();
        assertEquals(3, worker.segmentMembers(7).orElseThrow().members());
        assertFalse(worker.segmentMembers(7).orElseThrow().refreshRequested());
        assertSameAsLiveForSegment(segmentReports);

        // An erased contact (a tombstone its invitations still point at, its answers unlinked, as DefaultContactService
        // erases) leaves at once; a changed rule is read live until the refresh it makes due.
        execute("UPDATE response SET contact_id = NULL WHERE contact_id = 5", "UPDATE contact SET status = 'ERASED' WHERE id = 5");
        assertSameAsLiveForSegment(segmentReports);
        worker.round();
        assertSameAsLiveForSegment(segmentReports);
        execute("UPDATE segment SET updated_at = NOW() + INTERVAL '1 second' WHERE id = 7");
        assertTrue(worker.segmentMembers(7).isEmpty(), "the rule changed");
        worker.round();
        assertEquals(2, worker.segmentMembers(7).orElseThrow().members());
        assertSameAsLiveForSegment(segmentReports);

        // The check compares the segment's rollups too, and the worker repairs them.
        assertEquals(0, worker.check().mismatches());
        execute("UPDATE segment_response_rollup SET s5 = s5 + 1 WHERE ctid = (SELECT MIN(ctid) FROM segment_response_rollup)");
        assertEquals(1, worker.check().mismatches());
        assertSameAsLiveForSegment(segmentReports);
        worker.round();
        assertEquals(0, worker.check().mismatches());
        assertSameAsLiveForSegment(segmentReports);

        // Recounted once older than the refresh period (60 minutes), and after a contact changes (not before).
        execute("UPDATE contact SET updated_at = TIMESTAMP WITH TIME ZONE '2026-12-04 11:00:00+00'");
        Instant later = NOW.plus(java.time.Duration.ofMinutes(61));
        new DefaultRollupService(dataSource, scope, Clock.fixed(later, ZoneOffset.UTC)).round();
        assertEquals(later, worker.segmentMembers(7).orElseThrow().asOf());
        new DefaultRollupService(dataSource, scope, Clock.fixed(later.plusSeconds(120), ZoneOffset.UTC)).round();
        assertEquals(later, worker.segmentMembers(7).orElseThrow().asOf(), "no contact changed");
        execute("UPDATE contact SET language = 'FR', updated_at = TIMESTAMP WITH TIME ZONE '2026-12-04 13:03:30+00' WHERE id = 6");
        new DefaultRollupService(dataSource, scope, Clock.fixed(later.plusSeconds(170), ZoneOffset.UTC)).round();
        assertEquals(later.plusSeconds(170), worker.segmentMembers(7).orElseThrow().asOf(), "contact 6 changed");
        assertEquals(3, worker.segmentMembers(7).orElseThrow().members(), "contact 6 now speaks French");
        assertSameAsLiveForSegment(segmentReports);
    }

    @Test
    void aSegmentWhoseRuleFailsIsReadLiveAndHoldsUpNoOther() throws SQLException {
        execute("INSERT INTO segment (id, name, definition, created_at, updated_at, version) VALUES (7, 'Broken', '{}', NOW(), NOW(), 0)",
                "INSERT INTO segment (id, name, definition, created_at, updated_at, version) VALUES (8, 'English', '{}', NOW(), NOW(), 0)");
        SegmentScope scope = new SegmentScope(id -> {
            if (id == 7) {
                throw new IllegalArgumentException("Unknown attribute: plan");
            }
            return new SqlCondition("c.language = ?", List.of("EN"));
        });
        DefaultRollupService worker = new DefaultRollupService(dataSource, scope, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int round = 0; round < 3; round++) {
            worker.round();
        }
        assertTrue(worker.segmentMembers(7).isEmpty(), "its reports read live");
        assertEquals(2, worker.segmentMembers(8).orElseThrow().members(), "the other is materialised all the same");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT error FROM segment_rollup_state WHERE segment_id = 7")) {
            assertTrue(rs.next());
            assertEquals("Unknown attribute: plan", rs.getString(1));
        }
    }

    /** A scope resolving segments to rules, as the application's resolves them from their definitions. */
    private static final class SegmentScope extends ResponseScope {

        private final java.util.function.LongFunction<SqlCondition> rules;

        SegmentScope(long segmentId, SqlCondition rule) {
            this(id -> id == segmentId ? rule : null);
        }

        SegmentScope(java.util.function.LongFunction<SqlCondition> rules) {
            super(PARIS);
            this.rules = rules;
        }

        @Override
        protected SqlCondition segment(ReportFilter filter) {
            return filter.segmentId() == null ? null : segmentRule(filter.segmentId());
        }

        @Override
        public SqlCondition segmentRule(long id) {
            return rules.apply(id);
        }
    }

    /** The segment's dashboards, figures and breakdowns for several filters, from the rollups and live. */
    private static void assertSameAsLiveForSegment(DefaultReportService service) {
        DefaultReportService live = service.live();
        ReportFilter november = ReportFilter.period(NOV_1, NOV_30);
        for (ReportFilter filter : List.of(ReportFilter.everything(), november, november.withCampaign(10L).withIncludeFlagged(true),
                ReportFilter.everything().withChannel(ResponseChannel.EMAIL), ReportFilter.everything().withJourneyMoment("ONBOARDING"))) {
            ReportFilter segment = filter.withSegment(7L);
            assertEquals(describe(live.dashboard(segment, TrendGranularity.MONTH)),
                    describe(service.dashboard(segment, TrendGranularity.MONTH)), segment.toString());
            assertEquals(live.nps(segment), service.nps(segment), segment.toString());
            assertEquals(live.breakdown(segment, Breakdown.Dimension.CAMPAIGN, null),
                    service.breakdown(segment, Breakdown.Dimension.CAMPAIGN, null), segment + " by campaign");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void build(DefaultRollupService service) throws SQLException {
        for (int i = 0; i < 20 && (service.state().building() || service.state().dirtyRows() > 0); i++) {
            service.round();
        }
        assertFalse(service.state().building());
    }

    private void assertSameAsLive() {
        assertSameAsLive(reports, true);
    }

    private static void assertSameAsLive(DefaultReportService service) {
        assertSameAsLive(service, true);
    }

    /**
     * Dashboards (trend, previous period, response rate) and breakdowns for many filters, by both paths ({@code all}:
     * every filter and breakdown, else one filter of each dimension and every breakdown of everything).
     */
    private static void assertSameAsLive(DefaultReportService service, boolean all) {
        DefaultReportService live = service.live();
        List<ReportFilter> filters = new ArrayList<>();
        ReportFilter november = ReportFilter.period(NOV_1, NOV_30);
        filters.add(ReportFilter.everything());
        filters.add(november);
        filters.add(ReportFilter.period(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2)));
        filters.add(november.withCampaign(10L));
        filters.add(november.withCampaign(20L).withIncludeFlagged(true));
        filters.add(ReportFilter.everything().withJourneyMoment("ONBOARDING"));
        filters.add(november.withChannel(ResponseChannel.PHONE));
        filters.add(november.withChannel(ResponseChannel.EMAIL).withIncludeFlagged(true));
        filters.add(new ReportFilter(null, null, null, null, null, null, null, Language.EN, null, false));
        filters.add(new ReportFilter(NOV_1, NOV_30, 10L, null, null, null, null, Language.FR, ResponseChannel.EMAIL, true));
        if (!all) {
            filters = List.of(ReportFilter.everything(), november.withCampaign(20L).withIncludeFlagged(true),
                    ReportFilter.everything().withJourneyMoment("ONBOARDING"), filters.get(9));
        }
        for (ReportFilter filter : filters) {
            for (TrendGranularity unit : all ? new TrendGranularity[] {TrendGranularity.MONTH, TrendGranularity.WEEK}
                    : new TrendGranularity[] {TrendGranularity.MONTH}) {
                assertEquals(describe(live.dashboard(filter, unit)), describe(service.dashboard(filter, unit)), filter + " " + unit);
            }
            assertEquals(live.nps(filter), service.nps(filter), filter.toString());
            if (!all && filter != filters.get(0)) {
                continue;
            }
            for (Breakdown.Dimension dimension : List.of(Breakdown.Dimension.CAMPAIGN, Breakdown.Dimension.JOURNEY_MOMENT,
                    Breakdown.Dimension.LANGUAGE, Breakdown.Dimension.CHANNEL)) {
                assertEquals(live.breakdown(filter, dimension, null), service.breakdown(filter, dimension, null),
                        filter + " by " + dimension);
            }
        }
        assertEquals(live.daily(november), service.daily(november));
    }

    private static String describe(Dashboard dashboard) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s <= 10; s++) {
            text.append(dashboard.distribution().count(s)).append(' ');
        }
        text.append("| rate ").append(dashboard.responseRate()).append(" | previous ")
                .append(dashboard.comparison().map(c -> c.previousFrom() + " " + c.previousTo() + " " + c.previous()).orElse("-"))
                .append(" | trend ");
        dashboard.trend().forEach(p -> text.append(p).append("; "));
        return text.toString();
    }

    private long invitation(long campaign, long contact, String status, String sentAt) {
        long id = ids.incrementAndGet();
        execute("INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind, status, token_hash, due_at, sent_at,"
                + " attempts, created_at, version) VALUES (" + id + ", " + campaign + ", " + contact + ", " + id + ", 0, 'INITIAL', '"
                + status + "', 'h" + id + "', NOW(), " + (sentAt == null ? "NULL" : "TIMESTAMP WITH TIME ZONE '" + sentAt + "+00'")
                + ", 1, NOW(), 0)");
        return id;
    }

    private void response(long contact, int score, Integer campaign, Long invitation, String channel, String at, boolean flagged) {
        long id = ids.incrementAndGet();
        execute("INSERT INTO response (id, invitation_id, contact_id, campaign_id, score, contact_consent, channel, responded_at,"
                + " updated_at, version, flagged) VALUES (" + id + ", " + invitation + ", " + contact + ", " + campaign + ", " + score
                + ", FALSE, '" + channel + "', TIMESTAMP WITH TIME ZONE '" + at + "+00', NOW(), 0, " + flagged + ")");
    }

    private void execute(String... sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
