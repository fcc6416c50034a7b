package org.npsloop.reporting.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.benchmark.InternalBenchmarks;
import org.npsloop.reporting.dashboard.internal.DefaultReportService;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/**
 * Internal benchmarks on H2 with the real migrations, through the dashboard's own queries, against 100 November
 * answers (plus one flagged, one in October) whose figures are worked out by hand below (PostgreSQL: BenchmarkIT).
 *
 * <pre>
 * contacts 1-40 (FR), journey ONBOARDING: 36 promoters, 4 detractors      NPS +80, var = .9 + .1 - .8²  = .36
 * contacts 41-80 (EN), journey DELIVERY:  8 promoters, 12 passives, 20 d.  NPS -30, var = .2 + .5 - .3²  = .61
 * contacts 81-100 (EN), one-off:          10 promoters, 10 passives         NPS +50, var = .5 - .5²       = .25
 * company:                                54 / 22 / 24 of 100               NPS +30, var = .54 + .24 - .3² = .69
 * </pre>
 */
class InternalBenchmarksTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    private static final double DELTA = 0.005;

    private DefaultBenchmarkService benchmarks;

    /** Segments as the conditions a segment definition would translate to (the translation is tested with segments). */
    private static final class ScopeOfSegments extends ResponseScope {

        private final Map<Long, SqlCondition> segments = Map.of(
                1L, new SqlCondition("c.language = ?", List.of("FR")),
                2L, new SqlCondition("c.language = ?", List.of("EN")),
                3L, new SqlCondition("c.id > ?", List.of(80L)));

        ScopeOfSegments() {
            super("Europe/Paris");
        }

        @Override
        public Where where(ReportFilter filter) {
            return ResponseScope.where(filter, zone(), filter.segmentId() == null ? null : segments.get(filter.segmentId()), null);
        }
    }

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create("10"));
        dataSource.setUser("sa");
        // Rows written as they stood at V10, as DefaultReportServiceTest does; later migrations backfill what they add.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            campaign(s, 10, "Welcome", "'ONBOARDING'");
            campaign(s, 20, "Shipped", "'DELIVERY'");
            campaign(s, 30, "Autumn", "NULL");
            for (int id = 1; id <= 100; id++) {
                s.execute("INSERT INTO contact (id, email, language, status, created_at, updated_at, version) VALUES (" + id
                        + ", 'c" + id + "@example.com', '" + (id <= 40 ? "FR" : "EN") + "', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            s.execute("INSERT INTO segment (id, name, definition, created_at, updated_at, version) VALUES"
                    + " (1, 'French', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + " (2, 'English', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + " (3, 'Latest', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            for (int id = 1; id <= 100; id++) {
                int score;
                int campaign;
                if (id <= 40) {
                    score = id <= 36 ? 10 : 2;
                    campaign = 10;
                } else if (id <= 80) {
                    score = id <= 48 ? 9 : id <= 60 ? 7 : 0;
                    campaign = 20;
                } else {
                    score = id <= 90 ? 10 : 8;
                    campaign = 30;
                }
                response(s, id, id, score, campaign, "2026-11-10 10:00:00", false);
            }
            response(s, 101, 1, 0, 10, "2026-11-11 10:00:00", true);
            response(s, 102, 2, 0, 10, "2026-10-15 10:00:00", false);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        benchmarks = new DefaultBenchmarkService(new DefaultReportService(dataSource, new ScopeOfSegments()));
    }

    private static void campaign(Statement s, long id, String name, String moment) throws SQLException {
        s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event) "
                + "VALUES (" + id + ", '" + name + "', 1, '" + ("NULL".equals(moment) ? "ONE_OFF" : "JOURNEY")
                + "', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, " + moment + ")");
    }

    private static void response(Statement s, long id, long contact, int score, long campaign, String at, boolean flagged)
            throws SQLException {
        s.execute("INSERT INTO response (id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at,"
                + " version, flagged) VALUES (" + id + ", " + contact + ", " + campaign + ", " + score + ", FALSE, 'EMAIL',"
                + " TIMESTAMP WITH TIME ZONE '" + at + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, " + flagged + ")");
    }

    private static InternalBenchmarks.Row row(List<InternalBenchmarks.Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    @Test
    void eachSegmentAndMomentAgainstTheCompanyOverTheSamePeriod() {
        InternalBenchmarks november = benchmarks.internal(ReportFilter.period(NOV_1, NOV_30));

        assertEquals(new NpsResult(54, 22, 24), november.overall(), "the flagged and the October answers are left out");
        assertEquals(List.of("English", "French", "Latest"), november.segments().stream().map(InternalBenchmarks.Row::label).toList());
        assertEquals(List.of("DELIVERY", "ONBOARDING"), november.moments().stream().map(InternalBenchmarks.Row::key).toList(),
                "the one-off campaign is no journey moment");

        // French: +80 vs +30, combined 1.96 * sqrt(.36/40 + .69/100) * 100 = 1.96 * sqrt(.0159) * 100 = 24.715.
        InternalBenchmarks.Row french = row(november.segments(), "French");
        assertEquals("1", french.key());
        assertEquals(new NpsResult(36, 0, 4), french.nps());
        assertEquals(50.0, french.difference().delta(), DELTA);
        assertEquals(24.715, french.difference().combinedMarginOfError(), DELTA);
        assertTrue(french.isSignificant());

        // English: 18 / 22 / 20 of 60, NPS -3.333, var = 38/60 - (2/60)² = .632222;
        // combined 1.96 * sqrt(.632222/60 + .0069) * 100 = 1.96 * sqrt(.0174370) * 100 = 25.882 < 33.333.
        InternalBenchmarks.Row english = row(november.segments(), "English");
        assertEquals(new NpsResult(18, 22, 20), english.nps());
        assertEquals(-33.333, english.difference().delta(), DELTA);
        assertEquals(25.882, english.difference().combinedMarginOfError(), DELTA);
        assertTrue(english.isSignificant());

        // Latest (contacts 81-100): +50 vs +30 over 20 answers, combined 1.96 * sqrt(.25/20 + .0069) * 100 = 27.300:
        // neither conclusive nor significant.
        InternalBenchmarks.Row latest = row(november.segments(), "Latest");
        assertEquals(20.0, latest.difference().delta(), DELTA);
        assertEquals(27.300, latest.difference().combinedMarginOfError(), DELTA);
        assertFalse(latest.isConclusive());
        assertFalse(latest.isSignificant());

        // DELIVERY: -30 vs +30, combined 1.96 * sqrt(.61/40 + .0069) * 100 = 1.96 * sqrt(.02215) * 100 = 29.170.
        InternalBenchmarks.Row delivery = row(november.moments(), "DELIVERY");
        assertEquals(new NpsResult(8, 12, 20), delivery.nps());
        assertEquals(-60.0, delivery.difference().delta(), DELTA);
        assertEquals(29.170, delivery.difference().combinedMarginOfError(), DELTA);
        assertTrue(delivery.isSignificant());
        assertEquals(french.nps(), row(november.moments(), "ONBOARDING").nps());
    }

    @Test
    void theGroupsTakeThePagesFiltersAndTheCompanyOnlyItsPeriodAndBotsToggle() {
        InternalBenchmarks welcome = benchmarks.internal(ReportFilter.period(NOV_1, NOV_30).withCampaign(10L));
        assertEquals(new NpsResult(54, 22, 24), welcome.overall(), "the company is still every answer of November");
        assertEquals(ReportFilter.period(NOV_1, NOV_30), welcome.company());
        assertEquals(new NpsResult(36, 0, 4), row(welcome.segments(), "French").nps());
        InternalBenchmarks.Row english = row(welcome.segments(), "English");
        assertEquals(0, english.nps().responses());
        assertFalse(english.difference().isKnown(), "no answer, no difference");
        assertFalse(english.isSignificant());
        assertEquals(List.of("ONBOARDING"), welcome.moments().stream().map(InternalBenchmarks.Row::key).toList());

        InternalBenchmarks withBots = benchmarks.internal(ReportFilter.period(NOV_1, NOV_30).withIncludeFlagged(true));
        assertEquals(new NpsResult(54, 22, 25), withBots.overall());
        assertEquals(new NpsResult(36, 0, 5), row(withBots.segments(), "French").nps());
        // Every answer ever: October's too.
        assertEquals(new NpsResult(54, 22, 25), benchmarks.internal(ReportFilter.everything()).overall());
    }
}
