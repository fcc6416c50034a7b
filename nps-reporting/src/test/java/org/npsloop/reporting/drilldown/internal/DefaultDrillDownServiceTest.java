package org.npsloop.reporting.drilldown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.drilldown.ChoiceDistribution;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;
import org.npsloop.reporting.scope.ResponseScope;
import org.npsloop.platform.MigratedH2;

/**
 * The drill-down SQL on H2 with the real migrations, against seven hand-written responses with their additional
 * answers (and, for the key drivers' thresholds, 179 more); every figure is worked out by hand in the comments
 * (PostgreSQL: DrillDownApiIT).
 *
 * <pre>
 * response  contact  score  campaign  Paris day   Delivery 1-5  Delivery 0-10  Phone 1-5  improve (multiple)  again?  plan (single)
 *  1        Zoé FR   10     10        5 Oct       5                            4          A, B                yes     X
 *  2        Bob EN    9     10        12 Oct      4                            2          A                   yes
 *  3        Zoé FR    3     20        20 Oct      1                            5          C                   no      Y
 *  4        Bob EN    7     20        1 Nov       3             8                         B                           Z (option since removed)
 *  5        Zoé FR   10     20        10 Nov                    9                                             yes
 *  6        Bob EN    0     -         15 Nov                    2                         A, C                no
 *  7 flagged -        2     10        16 Nov      1                                       A                   no
 * </pre>
 */
class DefaultDrillDownServiceTest {

    private static final double DELTA = 0.0001;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private JdbcDataSource dataSource;
    private DefaultDrillDownService drillDown;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL(MigratedH2.create());
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) VALUES (1, 'S', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version, trigger_event) "
                    + "VALUES (10, 'Welcome', 1, 'JOURNEY', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 'ONBOARDING')");
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (20, 'Autumn', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) VALUES "
                    + "(1, 'zoe@exemple.fr', 'Zoé', 'Martin', 'FR', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + "(2, 'bob@example.com', 'Bob', NULL, 'EN', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            question(s, 50, 1, 1, "TOUCHPOINT_RATING", "'ONE_TO_FIVE'", 4, "Delivery?");
            question(s, 51, 1, 2, "TOUCHPOINT_RATING", "'ZERO_TO_TEN'", 4, "Delivery, 0 to 10?");
            question(s, 52, 1, 3, "TOUCHPOINT_RATING", "'ONE_TO_FIVE'", 2, "Phone?");
            question(s, 53, 1, 4, "MULTIPLE_CHOICE", "NULL", null, "Improve first?");
            question(s, 54, 1, 5, "YES_NO", "NULL", null, "Again?");
            question(s, 55, 1, 6, "SINGLE_CHOICE", "NULL", null, "Plan?");
            s.execute("INSERT INTO survey_question_choice (question_id, position, code, label_en, label_fr) VALUES "
                    + "(53, 1, 'A', 'Price', 'Prix'), (53, 2, 'B', 'Speed', 'Rapidité'), (53, 3, 'C', 'Staff', 'Personnel'),"
                    + "(55, 1, 'X', 'Small', 'Petit'), (55, 2, 'Y', 'Large', 'Grand')");
            response(s, 1, 1, 10, 10, "2026-10-05 10:00:00", false);
            response(s, 2, 2, 9, 10, "2026-10-12 10:00:00", false);
            response(s, 3, 1, 3, 20, "2026-10-20 10:00:00", false);
            // 23:30 UTC on 31 October is 00:30 on 1 November in Paris: a November answer.
            response(s, 4, 2, 7, 20, "2026-10-31 23:30:00", false);
            response(s, 5, 1, 10, 20, "2026-11-10 10:00:00", false);
            response(s, 6, 2, 0, null, "2026-11-15 10:00:00", false);
            response(s, 7, null, 2, 10, "2026-11-16 10:00:00", true);
            rating(s, 1, 50, 5); rating(s, 2, 50, 4); rating(s, 3, 50, 1); rating(s, 4, 50, 3); rating(s, 7, 50, 1);
            rating(s, 4, 51, 8); rating(s, 5, 51, 9); rating(s, 6, 51, 2);
            rating(s, 1, 52, 4); rating(s, 2, 52, 2); rating(s, 3, 52, 5);
            choices(s, 1, 53, "A", "B"); choices(s, 2, 53, "A"); choices(s, 3, 53, "C"); choices(s, 4, 53, "B");
            choices(s, 6, 53, "A", "C"); choices(s, 7, 53, "A");
            yesNo(s, 1, true); yesNo(s, 2, true); yesNo(s, 3, false); yesNo(s, 5, true); yesNo(s, 6, false); yesNo(s, 7, false);
            choices(s, 1, 55, "X"); choices(s, 3, 55, "Y"); choices(s, 4, 55, "Z");
        }
        drillDown = new DefaultDrillDownService(dataSource, new ResponseScope("Europe/Paris"));
    }

    private static void question(Statement s, long id, long survey, int position, String kind, String scale, Integer touchpoint,
            String text) throws SQLException {
        s.execute("INSERT INTO survey_question (id, survey_id, position, kind, rating_scale, touchpoint_id, text_en, text_fr,"
                + " created_at, updated_at) VALUES (" + id + ", " + survey + ", " + position + ", '" + kind + "', " + scale + ", "
                + touchpoint + ", '" + text + "', 'FR " + text + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static void response(Statement s, long id, Integer contact, int score, Integer campaign, String at, boolean flagged)
            throws SQLException {
        s.execute("INSERT INTO response (id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at,"
                + " version, flagged) VALUES (" + id + ", " + contact + ", " + campaign + ", " + score + ", FALSE, 'EMAIL',"
                + " TIMESTAMP WITH TIME ZONE '" + at + "+00', TIMESTAMP WITH TIME ZONE '" + at + "+00', 0, " + flagged + ")");
    }

    private static long answer(Statement s, long response, long question, String rating, String yesNo) throws SQLException {
        long id = response * 1000 + question;
        s.execute("INSERT INTO response_answer (id, response_id, question_id, rating, yes_no, answered_at, updated_at) VALUES ("
                + id + ", " + response + ", " + question + ", " + rating + ", " + yesNo + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        return id;
    }

    private static void rating(Statement s, long response, long question, int rating) throws SQLException {
        answer(s, response, question, String.valueOf(rating), "NULL");
    }

    private static void yesNo(Statement s, long response, boolean yes) throws SQLException {
        answer(s, response, 54, "NULL", String.valueOf(yes));
    }

    private static void choices(Statement s, long response, long question, String... codes) throws SQLException {
        long answer = answer(s, response, question, "NULL", "NULL");
        for (String code : codes) {
            s.execute("INSERT INTO response_answer_choice (answer_id, choice_code) VALUES (" + answer + ", '" + code + "')");
        }
    }

    private static void assertSummary(long n, double mean, Double margin, RatingSummary summary) {
        assertEquals(n, summary.n());
        assertEquals(mean, summary.mean().orElseThrow(), DELTA);
        if (margin == null) {
            assertTrue(summary.marginOfError().isEmpty(), "no interval from one rating");
        } else {
            assertEquals(margin, summary.marginOfError().orElseThrow(), DELTA);
        }
    }

    @Test
    void meansWithTheirIntervalPerTouchpointAndScaleNeverMixed() {
        TouchpointRatings ratings = drillDown.touchpoints(ReportFilter.everything(), TrendGranularity.MONTH);

        // Phone (position 2) before Delivery (4); Delivery's 1-5 and 0-10 ratings are two rows.
        assertEquals(List.of("PHONE/ONE_TO_FIVE", "DELIVERY/ONE_TO_FIVE", "DELIVERY/ZERO_TO_TEN"),
                ratings.rows().stream().map(r -> r.touchpoint() + "/" + r.scale()).toList());
        TouchpointRatings.Row phone = ratings.rows().get(0);
        assertEquals("Phone", phone.labelEn());
        assertEquals("Échanges par téléphone", phone.labelFr());
        // 4, 2, 5: mean 11/3; s^2 = (45 - 11 * 11/3) / 2 = 7/3, s = 1.52753; t(2) = 4.30265; 4.30265 * 1.52753 / sqrt 3
        assertSummary(3, 3.6667, 3.7946, phone.summary());
        // 5, 4, 1, 3 (the flagged 1 left out): mean 3.25; s^2 = (51 - 13 * 3.25) / 3 = 2.9167; t(3) = 3.18245 * 1.70783 / 2
        TouchpointRatings.Row delivery = ratings.rows().get(1);
        assertEquals(new RatingSummary(4, 13, 51), delivery.summary());
        assertSummary(4, 3.25, 2.7175, delivery.summary());
        // 8, 9, 2: mean 19/3; s^2 = (149 - 19 * 19/3) / 2 = 14.333; 4.30265 * 3.78594 / sqrt 3
        assertSummary(3, 6.3333, 9.4048, ratings.rows().get(2).summary());

        // Monthly trend from the first answer (5 October) to the last (16 November).
        assertEquals(2, delivery.trend().size());
        assertEquals(LocalDate.of(2026, 10, 5), delivery.trend().get(0).start());
        assertEquals(LocalDate.of(2026, 10, 31), delivery.trend().get(0).end());
        assertEquals(new RatingSummary(3, 10, 42), delivery.trend().get(0).summary(), "5, 4, 1 in October");
        assertEquals(LocalDate.of(2026, 11, 1), delivery.trend().get(1).start());
        assertEquals(new RatingSummary(1, 3, 9), delivery.trend().get(1).summary(), "3 at 00:30 on 1 November in Paris");
        assertEquals(new RatingSummary(0, 0, 0), phone.trend().get(1).summary(), "no phone rating in November: a gap");
    }

    @Test
    void theFiltersOfTheDashboardApply() {
        // November: Delivery 1-5 is the single 3 (no interval), phone not rated at all.
        TouchpointRatings november = drillDown.touchpoints(ReportFilter.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
                TrendGranularity.WEEK);
        assertEquals(List.of("DELIVERY/ONE_TO_FIVE", "DELIVERY/ZERO_TO_TEN"),
                november.rows().stream().map(r -> r.touchpoint() + "/" + r.scale()).toList());
        assertSummary(1, 3, null, november.rows().get(0).summary());
        // Weeks from Sunday 1 November to the 30th: 1, 2-8, 9-15, 16-22, 23-29, 30.
        assertEquals(6, november.rows().get(0).trend().size());

        // Campaign 10: responses 1 and 2 (7 is flagged). 5, 4: s = 0.70711, t(1) = 12.7062 * 0.70711 / sqrt 2 = 6.3531
        TouchpointRatings welcome = drillDown.touchpoints(ReportFilter.everything().withCampaign(10L), null);
        assertEquals(TrendGranularity.MONTH, welcome.granularity());
        assertSummary(2, 3.0, 12.7062, welcome.rows().get(0).summary());
        assertSummary(2, 4.5, 6.3531, welcome.rows().get(1).summary());

        // Flagged included: Delivery 1-5 gains response 7's 1: 5, 4, 1, 3, 1.
        assertEquals(new RatingSummary(5, 14, 52),
                drillDown.touchpoints(ReportFilter.everything().withIncludeFlagged(true), null).rows().get(1).summary());

        // A segment (French contacts: Zoé, responses 1, 3, 5) as the dashboard's segment filter translates it.
        DefaultDrillDownService french = new DefaultDrillDownService(dataSource, new ResponseScope("Europe/Paris") {
            @Override
            public Where where(ReportFilter filter) {
                return ResponseScope.where(filter, PARIS, new SqlCondition("c.language = ?", List.of("FR")), null);
            }
        });
        TouchpointRatings zoe = french.touchpoints(ReportFilter.everything(), null);
        assertEquals(new RatingSummary(2, 9, 41), zoe.rows().get(0).summary(), "phone 4 and 5");
        assertEquals(new RatingSummary(2, 6, 26), zoe.rows().get(1).summary(), "delivery 5 and 1");
        assertEquals(new RatingSummary(1, 9, 81), zoe.rows().get(2).summary(), "delivery 0-10: 9");
    }

    @Test
    void choicesByCategoryAsSharesOfTheCategorysRespondents() {
        List<ChoiceDistribution> choices = drillDown.choices(ReportFilter.everything());

        assertEquals(List.of(53L, 54L, 55L), choices.stream().map(ChoiceDistribution::questionId).toList());
        ChoiceDistribution improve = choices.get(0);
        assertEquals(QuestionKind.MULTIPLE_CHOICE, improve.kind());
        assertEquals("S", improve.surveyName());
        // Answered by 1 and 2 (promoters), 4 (passive), 3 and 6 (detractors); 7 is flagged.
        assertEquals(new NpsResult(2, 1, 2), improve.answered());
        assertEquals(List.of("A", "B", "C"), improve.options().stream().map(ChoiceDistribution.Option::code).toList());
        ChoiceDistribution.Option price = improve.options().get(0);
        assertEquals("Prix", price.labelFr());
        assertEquals(new NpsResult(2, 0, 1), price.chosenBy(), "1, 2 and 6");
        assertEquals(100.0, improve.percent(price, NpsCategory.PROMOTER).orElseThrow(), DELTA);
        assertEquals(0.0, improve.percent(price, NpsCategory.PASSIVE).orElseThrow(), DELTA);
        assertEquals(50.0, improve.percent(price, NpsCategory.DETRACTOR).orElseThrow(), DELTA);
        assertEquals(60.0, improve.percent(price).orElseThrow(), DELTA, "3 of the 5 respondents");
        ChoiceDistribution.Option staff = improve.options().get(2);
        assertEquals(new NpsResult(0, 0, 2), staff.chosenBy());
        // A multiple choice: detractors' shares add up to 150% (A 50%, B 0%, C 100%).
        assertEquals(100.0, improve.percent(staff, NpsCategory.DETRACTOR).orElseThrow(), DELTA);

        ChoiceDistribution again = choices.get(1);
        assertEquals(QuestionKind.YES_NO, again.kind());
        assertEquals(new NpsResult(3, 0, 2), again.answered());
        assertEquals("YES", again.options().get(0).code());
        assertNull(again.options().get(0).labelEn());
        assertEquals(new NpsResult(3, 0, 0), again.options().get(0).chosenBy());
        assertEquals(new NpsResult(0, 0, 2), again.options().get(1).chosenBy());
        assertTrue(again.percent(again.options().get(0), NpsCategory.PASSIVE).isEmpty(), "no passive answered it");

        ChoiceDistribution plan = choices.get(2);
        assertEquals(new NpsResult(1, 1, 1), plan.answered());
        assertEquals(List.of("X", "Y", "Z"), plan.options().stream().map(ChoiceDistribution.Option::code).toList());
        assertEquals("Z", plan.options().get(2).labelEn(), "a removed option keeps its answers, named by its code");
        assertEquals(new NpsResult(0, 1, 0), plan.options().get(2).chosenBy());

        // Flagged included: response 7 (detractor) chose A and said no.
        List<ChoiceDistribution> all = drillDown.choices(ReportFilter.everything().withIncludeFlagged(true));
        assertEquals(new NpsResult(2, 1, 3), all.get(0).answered());
        assertEquals(new NpsResult(2, 0, 2), all.get(0).options().get(0).chosenBy());
        assertTrue(drillDown.choices(ReportFilter.period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31))).isEmpty());
    }

    @Test
    void keyDriversOfFewRespondentsAreNotConclusiveAndRankedByDifference() {
        List<Driver> drivers = drillDown.drivers(ReportFilter.everything());

        // Delivery 1-5: high (4-5) 1 and 2, both promoters: NPS 100; low 3 (detractor) and 4 (passive): -50; +150.
        // Delivery 0-10: high (8-10) 4 (passive) and 5 (promoter): 50; low 6 (detractor): -100; +150.
        // Phone: high 1 (promoter) and 3 (detractor): 0; low 2 (promoter): 100; -100.
        // None conclusive: by difference, the tie in the touchpoints' order.
        assertEquals(List.of("DELIVERY/ONE_TO_FIVE", "DELIVERY/ZERO_TO_TEN", "PHONE/ONE_TO_FIVE"),
                drivers.stream().map(d -> d.touchpoint() + "/" + d.scale()).toList());
        Driver delivery = drivers.get(0);
        assertEquals(new NpsResult(2, 0, 0), delivery.driver().high());
        assertEquals(new NpsResult(0, 1, 1), delivery.driver().low());
        assertEquals(150.0, delivery.driver().difference().delta(), DELTA);
        assertFalse(delivery.driver().isConclusive());
        assertEquals(new NpsResult(1, 1, 0), drivers.get(1).driver().high());
        assertEquals(new NpsResult(0, 0, 1), drivers.get(1).driver().low());
        assertEquals(-100.0, drivers.get(2).driver().difference().delta(), DELTA);
        assertEquals("Échanges par téléphone", drivers.get(2).labelFr());
    }

    @Test
    void keyDriversSignificantConclusiveAndNotConclusive() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                    + "VALUES (30, 'Big', 1, 'ONE_OFF', 'DONE', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            question(s, 60, 1, 7, "TOUCHPOINT_RATING", "'ONE_TO_FIVE'", 3, "Sales?");
            question(s, 61, 1, 8, "TOUCHPOINT_RATING", "'ONE_TO_FIVE'", 5, "Maintenance?");
            question(s, 62, 1, 9, "TOUCHPOINT_RATING", "'ONE_TO_FIVE'", 1, "First contact?");
            long[] next = {1000};
            // Sales: 30 high raters (20 promoters, 5 passives, 5 detractors), 30 low ones (5, 5, 20).
            raters(s, next, 60, 5, 20, 5, 5);
            raters(s, next, 60, 2, 5, 5, 20);
            // Maintenance: 30 high (12, 8, 10): NPS 6.67; 30 low (10, 10, 10): 0.
            raters(s, next, 61, 4, 12, 8, 10);
            raters(s, next, 61, 3, 10, 10, 10);
            // First contact: 29 high promoters against 30 low detractors: +200, but 29 is below 30.
            raters(s, next, 62, 5, 29, 0, 0);
            raters(s, next, 62, 1, 0, 0, 30);
        }
        List<Driver> drivers = drillDown.drivers(ReportFilter.everything().withCampaign(30L));

        assertEquals(List.of("SALES", "MAINTENANCE", "FIRST_CONTACT"), drivers.stream().map(Driver::touchpoint).toList());
        Driver sales = drivers.get(0);
        // +50 - (-50) = 100; var = 25/30 - (15/30)^2 = 0.58333 on each side; 1.96 * sqrt(2 * 0.58333 / 30) * 100 = 38.65
        assertEquals(100.0, sales.driver().difference().delta(), DELTA);
        assertEquals(38.65, sales.driver().difference().combinedMarginOfError(), 0.01);
        assertTrue(sales.driver().isSignificant());
        Driver maintenance = drivers.get(1);
        // 6.67 - 0 = 6.67; 1.96 * sqrt((22/30 - (2/30)^2 + 20/30) / 30) * 100 = 42.27
        assertEquals(6.67, maintenance.driver().difference().delta(), 0.01);
        assertEquals(42.27, maintenance.driver().difference().combinedMarginOfError(), 0.01);
        assertTrue(maintenance.driver().isConclusive());
        assertFalse(maintenance.driver().isSignificant());
        Driver first = drivers.get(2);
        assertEquals(200.0, first.driver().difference().delta(), DELTA);
        assertEquals(29, first.driver().high().responses());
        assertFalse(first.driver().isConclusive(), "29 high raters: not conclusive, whatever the difference");
        assertFalse(first.driver().isSignificant());
        assertEquals(RatingScale.ONE_TO_FIVE, first.scale());
    }

    /** Responses of campaign 30 rating the question {@code rating}: so many promoters (10), passives (7), detractors (3). */
    private static void raters(Statement s, long[] next, long question, int rating, int promoters, int passives, int detractors)
            throws SQLException {
        int[][] groups = {{10, promoters}, {7, passives}, {3, detractors}};
        for (int[] group : groups) {
            for (int i = 0; i < group[1]; i++) {
                long id = next[0]++;
                response(s, id, null, group[0], 30, "2026-12-01 10:00:00", false);
                rating(s, id, question, rating);
            }
        }
    }

    @Test
    void theDrillDownToOneTouchpointsRaters() {
        // Delivery rated low on either scale: 3 (1 of 5), 4 (3 of 5, though 8 of 10 is high) and 6 (2 of 10).
        ReportFilter low = ReportFilter.everything().withRated(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.LOW));
        assertEquals(new NpsResult(0, 1, 2), drillDown.choices(low).get(0).answered());
        // Rated high: 1, 2 (5 and 4 of 5), 4 and 5 (8 and 9 of 10); their phone ratings are 1's 4 and 2's 2.
        ReportFilter high = ReportFilter.everything().withRated(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.HIGH));
        assertEquals(new RatingSummary(2, 6, 20), drillDown.touchpoints(high, null).rows().get(0).summary());
        // Nobody rated maintenance.
        assertTrue(drillDown.drivers(ReportFilter.everything()
                .withRated(new RatedTouchpoint("MAINTENANCE", RatedTouchpoint.Band.HIGH))).isEmpty());
    }

    @Test
    void theDrillDownParameters() {
        assertNull(RatedTouchpoint.of(" ", null));
        assertEquals(new RatedTouchpoint("DELIVERY", RatedTouchpoint.Band.LOW), RatedTouchpoint.of("delivery", "Low"));
        assertEquals("high", RatedTouchpoint.of("PHONE", "high").ratedParameter());
        assertEquals("rated", assertThrows(InvalidInputException.class, () -> RatedTouchpoint.of("PHONE", null)).errors().get(0).field());
        assertEquals("rated", assertThrows(InvalidInputException.class, () -> RatedTouchpoint.of("PHONE", "medium")).errors().get(0).field());
        assertEquals("touchpoint", assertThrows(InvalidInputException.class, () -> RatedTouchpoint.of(null, "low")).errors().get(0).field());
        assertEquals("touchpoint", assertThrows(InvalidInputException.class, () -> RatedTouchpoint.of("a'b", "low")).errors().get(0).field());
    }
}
