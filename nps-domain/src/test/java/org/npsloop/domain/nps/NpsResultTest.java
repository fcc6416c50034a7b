package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpsResultTest {

    private static final double EPSILON = 1e-9;

    @Test
    void referenceExampleTwentyFivePercentPromotersTwentyPercentDetractorsGivesPlusFive() {
        // From the reference documents: 25% promoters, 55% passives, 20% detractors.
        NpsResult result = NpsResult.ofCounts(25, 55, 20);
        assertEquals(5.0, result.score().orElseThrow(), EPSILON);
        assertEquals(25.0, result.promoterPercent(), EPSILON);
        assertEquals(55.0, result.passivePercent(), EPSILON);
        assertEquals(20.0, result.detractorPercent(), EPSILON);
    }

    @Test
    void referenceExampleSeventyTenTwentyGivesPlusFifty() {
        assertEquals(50.0, NpsResult.ofCounts(70, 10, 20).score().orElseThrow(), EPSILON);
        // Same shares at another scale give the same NPS.
        assertEquals(50.0, NpsResult.ofCounts(700, 100, 200).score().orElseThrow(), EPSILON);
    }

    @Test
    void noResponsesHasNoScoreAndNoMargin() {
        NpsResult empty = NpsResult.ofCounts(0, 0, 0);
        assertFalse(empty.hasResponses());
        assertTrue(empty.score().isEmpty());
        assertTrue(empty.marginOfError().isEmpty());
        assertEquals(0.0, empty.promoterPercent(), EPSILON);
        assertFalse(empty.isConclusive());
    }

    @Test
    void singleResponseCountsFullyButIsNotConclusive() {
        NpsResult onePassive = NpsResult.ofCounts(0, 1, 0);
        assertEquals(0.0, onePassive.score().orElseThrow(), EPSILON);
        NpsResult oneDetractor = NpsResult.ofCounts(0, 0, 1);
        assertEquals(-100.0, oneDetractor.score().orElseThrow(), EPSILON);
        // All answers in one category: no spread, so the formula gives no margin; n = 1 is flagged instead.
        assertEquals(0.0, oneDetractor.marginOfError().orElseThrow(), EPSILON);
        assertFalse(oneDetractor.isConclusive());
    }

    @Test
    void allPromotersIsPlusHundredAndAllDetractorsMinusHundred() {
        assertEquals(100.0, NpsResult.ofCounts(40, 0, 0).score().orElseThrow(), EPSILON);
        assertEquals(-100.0, NpsResult.ofCounts(0, 0, 40).score().orElseThrow(), EPSILON);
        assertEquals(0.0, NpsResult.ofCounts(40, 0, 0).marginOfError().orElseThrow(), EPSILON);
    }

    @Test
    void marginOfErrorFollowsTheVarianceFormula() {
        // p = .25, d = .20: var = .45 - .05^2 = .4475; MoE = 1.96 * sqrt(.4475 / 100) * 100 = 13.1114...
        NpsResult result = NpsResult.ofCounts(25, 55, 20);
        assertEquals(1.96 * Math.sqrt(0.4475 / 100) * 100, result.marginOfError().orElseThrow(), EPSILON);
        assertEquals(13.11, result.marginOfError().orElseThrow(), 0.005);
        // Half the promoters, half the detractors: the widest spread, var = 1 - 0 = 1.
        assertEquals(1.96 * Math.sqrt(1.0 / 400) * 100,
                NpsResult.ofCounts(200, 0, 200).marginOfError().orElseThrow(), EPSILON);
    }

    @Test
    void moreResponsesNarrowTheMargin() {
        double small = NpsResult.ofCounts(25, 55, 20).marginOfError().orElseThrow();
        double large = NpsResult.ofCounts(2500, 5500, 2000).marginOfError().orElseThrow();
        assertEquals(small / 10, large, EPSILON);
    }

    @Test
    void changeWithinTheCombinedErrorIsNotSignificant() {
        NpsResult before = NpsResult.ofCounts(25, 55, 20); // +5, MoE 13.1
        NpsResult after = NpsResult.ofCounts(30, 50, 20);  // +10
        NpsChange change = after.changeSince(before);
        assertEquals(5.0, change.delta(), EPSILON);
        assertFalse(change.significant());
        // combined = 1.96 * sqrt(.4475/100 + .46/100) * 100 (after: p=.3, d=.2, var=.5-.01=.49)
        assertEquals(1.96 * Math.sqrt(0.4475 / 100 + 0.49 / 100) * 100, change.combinedMarginOfError(), EPSILON);
    }

    @Test
    void largeChangeOnLargeSamplesIsSignificant() {
        NpsResult before = NpsResult.ofCounts(2500, 5500, 2000); // +5
        NpsResult after = NpsResult.ofCounts(3000, 5000, 2000);  // +10, n = 10,000 each
        NpsChange change = after.changeSince(before);
        assertEquals(5.0, change.delta(), EPSILON);
        assertTrue(change.significant(), "5 points on 10,000 answers each exceeds ~1.3 points of error");
        assertTrue(after.isConclusive());
    }

    @Test
    void changeAgainstAnEmptyPeriodIsUnknown() {
        NpsChange change = NpsResult.ofCounts(1, 0, 0).changeSince(NpsResult.ofCounts(0, 0, 0));
        assertFalse(change.isKnown());
        assertFalse(change.significant());
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NpsResult.ofCounts(-1, 0, 0));
    }
}
