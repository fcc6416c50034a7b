package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.BenchmarkComparison.Verdict;

class BenchmarkComparisonTest {

    private static final double EPSILON = 1e-9;

    /** 50 promoters, 30 passives, 20 detractors: NPS +30, var = .5 + .2 - .3² = .61, margin 1.96 * sqrt(.61/100) * 100 = 15.308. */
    private static final NpsResult HUNDRED = NpsResult.ofCounts(50, 30, 20);

    @Test
    void aDifferenceLargerThanTheCompanysMarginIsBeyondIt() {
        BenchmarkComparison sector = new BenchmarkComparison(HUNDRED, 10);
        assertEquals(20.0, sector.difference().orElseThrow(), EPSILON);
        assertEquals(15.31, sector.marginOfError().orElseThrow(), 0.005);
        assertTrue(sector.beyondMarginOfError());
        assertEquals(Verdict.BEYOND_MARGIN, sector.verdict());

        // Below the reference by more than the margin: beyond too, the difference negative.
        BenchmarkComparison above = new BenchmarkComparison(HUNDRED, 45.5);
        assertEquals(-15.5, above.difference().orElseThrow(), EPSILON);
        assertEquals(Verdict.BEYOND_MARGIN, above.verdict());
    }

    @Test
    void aDifferenceWithinTheMarginIsNotAClaimableDifference() {
        BenchmarkComparison sector = new BenchmarkComparison(HUNDRED, 20);
        assertEquals(10.0, sector.difference().orElseThrow(), EPSILON);
        assertFalse(sector.beyondMarginOfError());
        assertEquals(Verdict.WITHIN_MARGIN, sector.verdict());
        // 30 - 15 = 15 < 15.308: still within, by a hair.
        assertEquals(Verdict.WITHIN_MARGIN, new BenchmarkComparison(HUNDRED, 15).verdict());
    }

    @Test
    void thirtyAnswersAreEnoughToConcludeAndTwentyAreNot() {
        // 15/10/5: NPS +33.33, var = 20/30 - (10/30)² = .5556, margin 1.96 * sqrt(.5556/30) * 100 = 26.67.
        BenchmarkComparison thirty = new BenchmarkComparison(NpsResult.ofCounts(15, 10, 5), 0);
        assertEquals(33.333, thirty.difference().orElseThrow(), 0.001);
        assertEquals(26.67, thirty.marginOfError().orElseThrow(), 0.005);
        assertTrue(thirty.isConclusive());
        assertEquals(Verdict.BEYOND_MARGIN, thirty.verdict());

        // 10/5/5 of 20: NPS +25, far from -100, but 20 answers conclude nothing.
        BenchmarkComparison twenty = new BenchmarkComparison(NpsResult.ofCounts(10, 5, 5), -100);
        assertEquals(125.0, twenty.difference().orElseThrow(), EPSILON);
        assertTrue(twenty.beyondMarginOfError());
        assertFalse(twenty.isConclusive());
        assertEquals(Verdict.NOT_CONCLUSIVE, twenty.verdict());
    }

    @Test
    void withoutAnswersThereIsNothingToCompare() {
        BenchmarkComparison none = new BenchmarkComparison(NpsResult.ofCounts(0, 0, 0), 30);
        assertTrue(none.difference().isEmpty());
        assertFalse(none.beyondMarginOfError());
        assertEquals(Verdict.NO_RESPONSES, none.verdict());
    }

    @Test
    void aReferenceIsAnNps() {
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkComparison(HUNDRED, 100.1));
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkComparison(HUNDRED, -101));
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkComparison(HUNDRED, Double.NaN));
        assertEquals(130.0, new BenchmarkComparison(HUNDRED, -100).difference().orElseThrow(), EPSILON);
    }
}
