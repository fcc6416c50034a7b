package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatingSummaryTest {

    private static final double EPSILON = 1e-9;

    /** One 1, two 3s, three 4s, four 5s on a 1-5 scale. */
    private static final RatingSummary TEN_ON_FIVE = RatingSummary.ofCounts(1, new long[] {1, 0, 2, 3, 4});

    @Test
    void countsGiveTheMeanAndSampleDeviation() {
        // n = 10; sum = 1 + 2*3 + 3*4 + 4*5 = 39; mean = 3.9
        assertEquals(10, TEN_ON_FIVE.n());
        assertEquals(39.0, TEN_ON_FIVE.sum(), EPSILON);
        assertEquals(3.9, TEN_ON_FIVE.mean().orElseThrow(), EPSILON);
        // sum of squares = 1 + 2*9 + 3*16 + 4*25 = 167; squared deviations = 167 - 39²/10 = 14.9
        // s = sqrt(14.9 / 9) = 1.28668...
        assertEquals(167.0, TEN_ON_FIVE.sumOfSquares(), EPSILON);
        assertEquals(Math.sqrt(14.9 / 9), TEN_ON_FIVE.standardDeviation().orElseThrow(), EPSILON);
        assertEquals(1.2867, TEN_ON_FIVE.standardDeviation().orElseThrow(), 0.00005);
    }

    @Test
    void marginOfErrorUsesStudentsTForSmallGroups() {
        // t(9) = 2.262 (table); MoE = 2.262157 * 1.286684 / sqrt(10) = 0.92044, where z = 1.96 would say 0.797
        double margin = TEN_ON_FIVE.marginOfError().orElseThrow();
        assertEquals(StudentT.criticalValue95(9) * Math.sqrt(14.9 / 9) / Math.sqrt(10), margin, EPSILON);
        assertEquals(0.9204, margin, 0.00005);
        assertEquals(3.9 - 0.9204, TEN_ON_FIVE.lower().orElseThrow(), 0.00005);
        assertEquals(3.9 + 0.9204, TEN_ON_FIVE.upper().orElseThrow(), 0.00005);
        assertFalse(TEN_ON_FIVE.isConclusive());
    }

    @Test
    void zeroToTenScaleCountsFromZero() {
        // 2, 4, 4, 4, 5, 5, 7, 9: n = 8, sum = 40, mean = 5
        long[] counts = new long[11];
        counts[2] = 1;
        counts[4] = 3;
        counts[5] = 2;
        counts[7] = 1;
        counts[9] = 1;
        RatingSummary summary = RatingSummary.ofCounts(0, counts);
        assertEquals(8, summary.n());
        assertEquals(5.0, summary.mean().orElseThrow(), EPSILON);
        // squared deviations 9 + 3*1 + 2*0 + 4 + 16 = 32; s = sqrt(32 / 7) = 2.13809
        assertEquals(Math.sqrt(32.0 / 7), summary.standardDeviation().orElseThrow(), EPSILON);
        // t(7) = 2.365; MoE = 2.364624 * 2.138090 / sqrt(8) = 1.78749
        assertEquals(1.7875, summary.marginOfError().orElseThrow(), 0.00005);
    }

    @Test
    void sqlMomentsGiveTheSameSummaryAsCounts() {
        // COUNT = 10, SUM = 39, SUM(r * r) = 167, as computed above
        RatingSummary fromSql = RatingSummary.ofMoments(10, 39, 167);
        assertEquals(TEN_ON_FIVE, fromSql);
        assertEquals(0.9204, fromSql.marginOfError().orElseThrow(), 0.00005);
    }

    @Test
    void noRatingsHaveNoMeanNoDeviationNoInterval() {
        RatingSummary none = RatingSummary.ofCounts(1, new long[5]);
        assertEquals(none, RatingSummary.ofMoments(0, 0, 0));
        assertEquals(0, none.n());
        assertTrue(none.mean().isEmpty());
        assertTrue(none.standardDeviation().isEmpty());
        assertTrue(none.marginOfError().isEmpty());
        assertTrue(none.lower().isEmpty());
        assertTrue(none.upper().isEmpty());
        assertFalse(none.isConclusive());
    }

    @Test
    void oneRatingHasAMeanButNoSpread() {
        RatingSummary one = RatingSummary.ofCounts(1, new long[] {0, 0, 0, 1, 0});
        assertEquals(4.0, one.mean().orElseThrow(), EPSILON);
        assertTrue(one.standardDeviation().isEmpty(), "n - 1 = 0: a sample deviation does not exist");
        assertTrue(one.marginOfError().isEmpty());
        assertTrue(one.lower().isEmpty());
        assertTrue(one.upper().isEmpty());
    }

    @Test
    void twoRatingsGiveAWideUnclampedInterval() {
        // 1 and 5: mean 3, squared deviations 4 + 4 = 8, s = sqrt(8 / 1) = 2.828427
        // t(1) = 12.706205; MoE = 12.706205 * 2.828427 / sqrt(2) = 12.706205 * 2 = 25.41241
        RatingSummary two = RatingSummary.ofCounts(1, new long[] {1, 0, 0, 0, 1});
        assertEquals(Math.sqrt(8), two.standardDeviation().orElseThrow(), EPSILON);
        assertEquals(2 * Math.tan(0.475 * Math.PI), two.marginOfError().orElseThrow(), 1e-8);
        assertEquals(3 - 25.41241, two.lower().orElseThrow(), 0.000005);
        assertEquals(3 + 25.41241, two.upper().orElseThrow(), 0.000005);
    }

    @Test
    void equalRatingsHaveNoSpreadAndAZeroWidthInterval() {
        // 40 fives: mean 5, sum of squares 1000 = 200² / 40, so s = 0 and MoE = 0
        RatingSummary allFives = RatingSummary.ofCounts(1, new long[] {0, 0, 0, 0, 40});
        assertEquals(5.0, allFives.mean().orElseThrow(), EPSILON);
        assertEquals(0.0, allFives.standardDeviation().orElseThrow(), EPSILON);
        assertEquals(0.0, allFives.marginOfError().orElseThrow(), EPSILON);
        assertEquals(5.0, allFives.lower().orElseThrow(), EPSILON);
        assertEquals(5.0, allFives.upper().orElseThrow(), EPSILON);
        assertTrue(allFives.isConclusive());
        // Three ratings of 0.1 summed in doubles leave sumOfSquares a hair below sum² / n: still no spread, not NaN.
        double sum = 0.1 + 0.1 + 0.1;
        double sumOfSquares = 0.1 * 0.1 + 0.1 * 0.1 + 0.1 * 0.1;
        assertTrue(sumOfSquares - sum * (sum / 3) < 0, "the rounding this test is about");
        assertEquals(0.0, RatingSummary.ofMoments(3, sum, sumOfSquares).standardDeviation().orElseThrow());
    }

    @Test
    void thirtyRatingsAreConclusiveLikeAnNps() {
        // ten 3s, ten 4s, ten 5s: sum = 120, mean 4; sum of squares = 90 + 160 + 250 = 500; 500 - 120²/30 = 20
        // s = sqrt(20 / 29) = 0.830455; t(29) = 2.045230; MoE = 2.045230 * 0.830455 / sqrt(30) = 0.31010
        RatingSummary thirty = RatingSummary.ofCounts(1, new long[] {0, 0, 10, 10, 10});
        assertTrue(thirty.isConclusive());
        assertEquals(0.3101, thirty.marginOfError().orElseThrow(), 0.00005);
        RatingSummary twentyNine = RatingSummary.ofCounts(1, new long[] {0, 0, 9, 10, 10});
        assertFalse(twentyNine.isConclusive());
        assertEquals(NpsResult.MIN_CONCLUSIVE_RESPONSES, thirty.n());
    }

    @Test
    void impossibleInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RatingSummary.ofCounts(1, new long[] {1, -1, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> RatingSummary.ofMoments(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RatingSummary.ofMoments(0, 3, 9));
        assertThrows(IllegalArgumentException.class, () -> RatingSummary.ofMoments(2, Double.NaN, 1));
        // Two ratings summing to 10 have squares summing to at least 5² + 5² = 50.
        assertThrows(IllegalArgumentException.class, () -> RatingSummary.ofMoments(2, 10, 49));
        assertEquals(0.0, RatingSummary.ofMoments(2, 10, 50).standardDeviation().orElseThrow(), EPSILON);
    }
}
