package org.npsloop.reporting.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/**
 * Groups large enough to conclude (DefaultReportServiceTest has only small ones): a significant change
 * between quarters, quarter buckets counted in Paris time, and conclusive groups before a small one
 * with a higher NPS. Figures worked out by hand in the comments.
 */
class ReportSignificanceTest {

    private static final double DELTA = 0.01;

    private DefaultReportService reports;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            campaign(s, 10, "Spring");
            campaign(s, 20, "Summer");
            campaign(s, 30, "Pilot");
            // Q1 2026, campaign Spring: 30 promoters, 5 passives, 5 detractors.
            responses(s, 1000, 30, 10, 10, "2026-02-15 10:00:00");
            responses(s, 2000, 5, 8, 10, "2026-02-15 10:00:00");
            responses(s, 3000, 5, 2, 10, "2026-02-15 10:00:00");
            // Q2 2026, campaign Summer: 10 promoters, 10 passives, 20 detractors, one of them at 23:30 UTC on
            // 31 March = 01:30 on 1 April in Paris (summer time since 29 March): a second-quarter answer.
            responses(s, 4000, 10, 9, 20, "2026-05-15 10:00:00");
            responses(s, 5000, 10, 7, 20, "2026-05-15 10:00:00");
            responses(s, 6000, 19, 3, 20, "2026-05-15 10:00:00");
            responses(s, 7000, 1, 3, 20, "2026-03-31 23:30:00");
            // December 2025, campaign Pilot: 5 promoters, too few to conclude.
            responses(s, 8000, 5, 10, 30, "2025-12-10 10:00:00");
        }
        reports = new DefaultReportService(dataSource, new ResponseScope("Europe/Paris"));
    }

    private static void campaign(Statement s, long id, String name) throws SQLException {
        s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) VALUES ("
                + id + ", '" + name + "', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
    }

    /** {@code count} answers with this score, ids from {@code firstId}, all at the same instant (UTC). */
    private static void responses(Statement s, long firstId, int count, int score, long campaign, String at) throws SQLException {
        s.execute("INSERT INTO response (id, campaign_id, score, contact_consent, channel, responded_at, updated_at, version, flagged)"
                + " SELECT " + firstId + " + X, " + campaign + ", " + score + ", FALSE, 'EMAIL', TIMESTAMP WITH TIME ZONE '" + at
                + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, FALSE FROM SYSTEM_RANGE(1, " + count + ")");
    }

    @Test
    void aDropBetweenQuartersIsSignificantAndTheEdgeAnswerCountsInParisTime() {
        Dashboard half = reports.dashboard(ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                TrendGranularity.QUARTER);
        List<Dashboard.TrendPoint> quarters = half.trend();
        assertEquals(2, quarters.size());
        assertEquals(LocalDate.of(2026, 3, 31), quarters.get(0).end());
        assertEquals(LocalDate.of(2026, 4, 1), quarters.get(1).start());
        // In UTC the 23:30 answer would make Q1 (30, 5, 6).
        NpsResult q1 = quarters.get(0).nps();
        NpsResult q2 = quarters.get(1).nps();
        assertEquals(new NpsResult(30, 5, 5), q1);
        assertEquals(new NpsResult(10, 10, 20), q2);
        // Q1: NPS 75 - 12.5 = 62.5; var = 0.875 - 0.625² = 0.484375; MoE = 1.96·√(0.484375/40)·100 = 21.57.
        assertEquals(62.5, q1.score().orElseThrow(), DELTA);
        assertEquals(21.57, q1.marginOfError().orElseThrow(), DELTA);
        assertTrue(q1.isConclusive());
        // Q2: NPS 25 - 50 = -25; var = 0.75 - 0.0625 = 0.6875; MoE = 1.96·√(0.6875/40)·100 = 25.70.
        assertEquals(-25.0, q2.score().orElseThrow(), DELTA);
        assertEquals(25.70, q2.marginOfError().orElseThrow(), DELTA);
        // Change: -87.5 against 1.96·√(0.012109 + 0.017188)·100 = 33.55: significant.
        NpsChange change = quarters.get(1).changeFromPrevious();
        assertEquals(-87.5, change.delta(), DELTA);
        assertEquals(33.55, change.combinedMarginOfError(), DELTA);
        assertTrue(change.significant());

        // The half year (40, 15, 25): NPS 18.75 against the 181 days before (5 promoters: 100, no margin).
        assertEquals(new NpsResult(40, 15, 25), half.nps());
        Dashboard.PeriodComparison previous = half.comparison().orElseThrow();
        assertEquals(LocalDate.of(2025, 7, 4), previous.previousFrom());
        assertEquals(LocalDate.of(2025, 12, 31), previous.previousTo());
        assertEquals(new NpsResult(5, 0, 0), previous.previous());
        assertFalse(previous.previous().isConclusive());
        assertEquals(-81.25, previous.change().delta(), DELTA);
        // var = 0.8125 - 0.1875² = 0.77734; 1.96·√(0.77734/80 + 0)·100 = 19.32.
        assertEquals(19.32, previous.change().combinedMarginOfError(), DELTA);
        assertTrue(previous.change().significant());
    }

    @Test
    void aChangeFromAnEmptyMonthIsUnknownAndNotSignificant() {
        // January has no answer: February (30, 5, 5) has nothing to be compared with.
        Dashboard months = reports.dashboard(ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)),
                TrendGranularity.MONTH);
        assertFalse(months.trend().get(1).changeFromPrevious().isKnown());
        assertFalse(months.trend().get(1).changeFromPrevious().significant());
        assertEquals(0, months.trend().get(0).nps().responses());
    }

    @Test
    void conclusiveGroupsComeBeforeASmallerOneWithAHigherNps() {
        Breakdown campaigns = reports.breakdown(ReportFilter.everything(), Breakdown.Dimension.CAMPAIGN, null);
        assertEquals(List.of("Spring", "Summer", "Pilot"), campaigns.rows().stream().map(Breakdown.Row::label).toList());
        assertEquals(List.of("10", "20", "30"), campaigns.rows().stream().map(Breakdown.Row::key).toList());
        assertEquals(List.of(true, true, false), campaigns.rows().stream().map(r -> r.nps().isConclusive()).toList());
        assertEquals(100.0, campaigns.rows().get(2).nps().score().orElseThrow(), DELTA);
    }
}
