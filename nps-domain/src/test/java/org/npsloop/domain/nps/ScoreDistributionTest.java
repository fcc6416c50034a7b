package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

    @Test
    void countsEachScoreAndGroupsThemIntoCategories() {
        ScoreDistribution d = ScoreDistribution.ofScores(0, 6, 6, 7, 8, 9, 10, 10, 10, 3);
        assertEquals(10, d.total());
        assertEquals(2, d.count(6));
        assertEquals(3, d.count(10));
        assertEquals(0, d.count(5));
        assertEquals(30.0, d.percent(10), 1e-9);
        assertEquals(4, d.count(NpsCategory.DETRACTOR));
        assertEquals(2, d.count(NpsCategory.PASSIVE));
        assertEquals(4, d.count(NpsCategory.PROMOTER));
        assertEquals(0.0, d.toNps().score().orElseThrow(), 1e-9);
    }

    @Test
    void fromElevenCountsMatchesTheReferenceExample() {
        // 25 promoters (9-10), 55 passives (7-8), 20 detractors (0-6): NPS +5.
        ScoreDistribution d = ScoreDistribution.ofCounts(2, 1, 1, 2, 3, 5, 6, 30, 25, 15, 10);
        assertEquals(NpsResult.ofCounts(25, 55, 20), d.toNps());
        assertEquals(5.0, d.toNps().score().orElseThrow(), 1e-9);
    }

    @Test
    void emptyDistributionHasNoNps() {
        assertEquals(0, ScoreDistribution.empty().total());
        assertEquals(0.0, ScoreDistribution.empty().percent(9), 1e-9);
        assertEquals(true, ScoreDistribution.empty().toNps().score().isEmpty());
    }

    @Test
    void rejectsScoresOutsideTheScaleAndWrongShapes() {
        assertThrows(InvalidScoreException.class, () -> ScoreDistribution.ofScores(4, 11));
        assertThrows(InvalidScoreException.class, () -> ScoreDistribution.empty().count(-1));
        assertThrows(IllegalArgumentException.class, () -> ScoreDistribution.ofCounts(1, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreDistribution.ofCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
    }
}
