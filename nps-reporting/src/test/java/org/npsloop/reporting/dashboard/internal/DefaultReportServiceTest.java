package org.npsloop.reporting.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/**
 * The report SQL on H2 with the real migrations, against seven hand-written responses whose figures
 * are worked out by hand below (PostgreSQL: the reports IT).
 */
class DefaultReportServiceTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    private static final double DELTA = 0.01;

    private DefaultReportService reports;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create("10"));
        dataSource.setUser("sa");
        // The rows are written as they stood before V13 (target 10: the last migration before it), whose backfill then notes which first invitations were answered.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event) "
                    + "VALUES (10, 'Welcome', 1, 'JOURNEY', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 'ONBOARDING')");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (20, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) VALUES "
                    + "(1, 'zoe@exemple.fr', 'Zoé', 'Martin', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(2, 'bob@example.com', 'Bob', NULL, 'EN', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO attribute_definition (id, name, type, created_at) VALUES (5, 'plan', 'TEXT', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO contact_attribute (contact_id, attribute_id, text_value) VALUES (1, 5, 'Pro'), (2, 5, 'basic')");
            // Zoé was invited by both campaigns, Bob by the journey (and reminded, then answered the reminder).
            invitation(s, 1001, 10, 1, 0, "2026-10-04 10:00:00");
            invitation(s, 1002, 10, 2, 0, "2026-10-11 10:00:00");
            invitation(s, 1003, 10, 2, 1, "2026-10-11 11:00:00");
            invitation(s, 1004, 20, 1, 0, "2026-10-19 10:00:00");
            response(s, 1, 1, 10, 10, 1001, "EMAIL", "2026-10-05 10:00:00", false);
            response(s, 2, 2, 9, 10, 1003, "EMAIL", "2026-10-12 10:00:00", false);
            response(s, 3, 1, 3, 20, null, "PHONE", "2026-10-20 10:00:00", false);
            // 23:30 UTC on 31 October is 00:30 on 1 November in Paris: a November answer.
            response(s, 4, 2, 7, 20, null, "EMAIL", "2026-10-31 23:30:00", false);
            response(s, 5, 1, 10, 20, null, "EMAIL", "2026-11-10 10:00:00", false);
            response(s, 6, 2, 0, null, null, "MANUAL", "2026-11-15 10:00:00", false);
            response(s, 7, null, 2, 10, null, "EMAIL", "2026-11-16 10:00:00", true);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        reports = new DefaultReportService(dataSource, new ResponseScope("Europe/Paris"));
    }

    private static void invitation(Statement s, long id, long campaign, long contact, int reminder, String sentAt)
            throws SQLException {
        s.execute("INSERT INTO invitation (id, campaign_id, contact_id, wave, reminder, kind, status, token_hash, due_at, sent_at,"
                + " attempts, created_at, version) VALUES (" + id + ", " + campaign + ", " + contact + ", 1, " + reminder + ", '"
                + (reminder == 0 ? "INITIAL" : "REMINDER") + "', 'SENT', 'h" + id + "', TIMESTAMP WITH TIME ZONE '" + sentAt
                + "+00', TIMESTAMP WITH TIME ZONE '" + sentAt + "+00', 1, CURRENT_TIMESTAMP, 0)");
    }

    private static void response(Statement s, long id, Integer contact, int score, Integer campaign, Integer invitation,
            String channel, String at, boolean flagged) throws SQLException {
        s.execute("INSERT INTO response (id, invitation_id, contact_id, campaign_id, score, contact_consent, channel, "
                + "responded_at, updated_at, version, flagged) VALUES (" + id + ", " + invitation + ", " + contact + ", "
                + campaign + ", " + score + ", FALSE, '" + channel + "', TIMESTAMP WITH TIME ZONE '" + at
                + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, " + flagged + ")");
    }

    @Test
    void novemberInParisWithItsChangeSinceOctober() {
        Dashboard november = reports.dashboard(ReportFilter.period(NOV_1, NOV_30), TrendGranularity.MONTH);

        // Answers 4 (7), 5 (10) and 6 (0); the flagged 7 is left out.
        assertEquals(new NpsResult(1, 1, 1), november.nps());
        assertEquals(0.0, november.nps().score().orElseThrow(), DELTA);
        assertEquals(1, november.distribution().count(0));
        assertEquals(1, november.distribution().count(7));
        assertEquals(1, november.distribution().count(10));
        // Margin: var = 1/3 + 1/3 - 0 = 2/3; 1.96 * sqrt(2/3 / 3) * 100 = 92.4
        assertEquals(92.40, november.nps().marginOfError().orElseThrow(), DELTA);

        Dashboard.PeriodComparison comparison = november.comparison().orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 2), comparison.previousFrom());
        assertEquals(LocalDate.of(2026, 10, 31), comparison.previousTo());
        assertEquals(new NpsResult(2, 0, 1), comparison.previous());
        assertEquals(-33.33, comparison.change().delta(), DELTA);
        // 1.96 * sqrt((2/3)/3 + (8/9)/3) * 100 = 141.13: far from significant with so few answers.
        assertEquals(141.13, comparison.change().combinedMarginOfError(), DELTA);
        assertFalse(comparison.change().significant());

        assertEquals(1, november.trend().size());
        assertEquals(NOV_1, november.trend().get(0).start());
        assertEquals(NOV_30, november.trend().get(0).end());
        // Nobody was first invited in November.
        assertEquals(new Dashboard.ResponseRate(0, 0), november.responseRate());
    }

    @Test
    void answersPerDayCountEveryDayOfThePeriodInTheReportZone() {
        List<Dashboard.TrendPoint> days = reports.daily(ReportFilter.period(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 16)));

        assertEquals(17, days.size(), "one point a day, days without answers included");
        assertEquals(LocalDate.of(2026, 10, 31), days.get(0).start());
        assertEquals(days.get(0).start(), days.get(0).end());
        assertEquals(0, days.get(0).nps().responses(), "23:30 UTC on 31 October is 1 November in Paris");
        assertEquals(new NpsResult(0, 1, 0), days.get(1).nps());
        assertEquals(new NpsResult(1, 0, 0), days.get(10).nps());
        assertEquals(new NpsResult(0, 0, 1), days.get(15).nps());
        assertEquals(0, days.get(16).nps().responses(), "the flagged answer is left out");
        assertThrows(IllegalArgumentException.class, () -> reports.daily(ReportFilter.everything()));
    }

    @Test
    void monthlyTrendOfEverythingAndTheResponseRate() {
        Dashboard all = reports.dashboard(ReportFilter.everything(), TrendGranularity.MONTH);

        assertEquals(new NpsResult(3, 1, 2), all.nps());
        assertTrue(all.comparison().isEmpty(), "no period, nothing to compare with");
        List<Dashboard.TrendPoint> trend = all.trend();
        assertEquals(2, trend.size());
        assertEquals(LocalDate.of(2026, 10, 5), trend.get(0).start(), "from the first answer");
        assertEquals(LocalDate.of(2026, 10, 31), trend.get(0).end());
        assertEquals(new NpsResult(2, 0, 1), trend.get(0).nps());
        assertEquals(new NpsResult(1, 1, 1), trend.get(1).nps());
        assertFalse(trend.get(0).changeFromPrevious().isKnown());
        assertEquals(-33.33, trend.get(1).changeFromPrevious().delta(), DELTA);

        // Three first invitations (the reminder is not one); Zoé answered the journey's, Bob its reminder.
        assertEquals(new Dashboard.ResponseRate(3, 2), all.responseRate());
        assertEquals(66.67, all.responseRate().percent().orElseThrow(), DELTA);
    }

    @Test
    void weeklyTrendKeepsEmptyWeeks() {
        Dashboard weeks = reports.dashboard(ReportFilter.period(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 25)),
                TrendGranularity.WEEK);
        // Mondays 5, 12 and 19 October: answers 1, 2 and 3.
        assertEquals(List.of(new NpsResult(1, 0, 0), new NpsResult(1, 0, 0), new NpsResult(0, 0, 1)),
                weeks.trend().stream().map(Dashboard.TrendPoint::nps).toList());
        assertEquals(LocalDate.of(2026, 10, 19), weeks.trend().get(2).start());
    }

    @Test
    void filtersByFlagChannelLanguageCampaignMomentAndAttribute() {
        ReportFilter november = ReportFilter.period(NOV_1, NOV_30);
        assertEquals(new NpsResult(1, 1, 2), reports.dashboard(november.withIncludeFlagged(true), null).nps());
        Dashboard phone = reports.dashboard(ReportFilter.everything().withChannel(ResponseChannel.PHONE), null);
        assertEquals(new NpsResult(0, 0, 1), phone.nps());
        assertEquals(new Dashboard.ResponseRate(0, 0), phone.responseRate(), "no invitation behind a phone answer");

        ReportFilter french = new ReportFilter(null, null, null, null, null, null, null, Language.FR, null, false);
        assertEquals(new NpsResult(2, 0, 1), reports.dashboard(french, null).nps());
        assertEquals(new NpsResult(1, 1, 1), reports.dashboard(ReportFilter.everything().withCampaign(20L), null).nps());
        ReportFilter onboarding = new ReportFilter(null, null, null, "onboarding", null, null, null, null, null, false);
        assertEquals(new NpsResult(2, 0, 0), reports.dashboard(onboarding, null).nps());
        assertEquals(new Dashboard.ResponseRate(2, 2), reports.dashboard(onboarding, null).responseRate());
    }

    @Test
    void breakdownsSortedByNpsWithTheirCounts() {
        Breakdown campaigns = reports.breakdown(ReportFilter.everything(), Breakdown.Dimension.CAMPAIGN, null);
        assertEquals(List.of("Welcome", "Autumn"), campaigns.rows().stream().map(Breakdown.Row::label).limit(2).toList());
        assertEquals(new NpsResult(2, 0, 0), campaigns.rows().get(0).nps());
        assertEquals(new NpsResult(1, 1, 1), campaigns.rows().get(1).nps());
        assertEquals(new NpsResult(0, 0, 1), campaigns.rows().get(2).nps(), "the manual answer belongs to no campaign");
        assertEquals(null, campaigns.rows().get(2).key());

        Breakdown channels = reports.breakdown(ReportFilter.everything(), Breakdown.Dimension.CHANNEL, null);
        // MANUAL and PHONE tie (one detractor each): by label.
        assertEquals(List.of("EMAIL", "MANUAL", "PHONE"), channels.rows().stream().map(Breakdown.Row::key).toList());
        assertFalse(channels.rows().get(0).nps().isConclusive(), "4 answers are not enough to conclude");

        Breakdown plans = reports.breakdown(ReportFilter.everything(), Breakdown.Dimension.ATTRIBUTE, "Plan");
        assertEquals("plan", plans.attribute());
        assertEquals(List.of("Pro", "basic"), plans.rows().stream().map(Breakdown.Row::label).toList());
        assertEquals(new NpsResult(2, 0, 1), plans.rows().get(0).nps());
        assertEquals(new NpsResult(1, 1, 1), plans.rows().get(1).nps());

        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> reports.breakdown(ReportFilter.everything(), Breakdown.Dimension.ATTRIBUTE, "colour"));
        assertEquals("by", unknown.errors().get(0).field(), "the parameter that named it");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReportFilter.period(NOV_30, NOV_1));
        assertEquals("to", e.errors().get(0).field());
    }
}
