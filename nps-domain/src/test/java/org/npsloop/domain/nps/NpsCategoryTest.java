package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpsCategoryTest {

    @ParameterizedTest
    @CsvSource({
        "0, DETRACTOR", "1, DETRACTOR", "5, DETRACTOR", "6, DETRACTOR",
        "7, PASSIVE", "8, PASSIVE",
        "9, PROMOTER", "10, PROMOTER"})
    void scoresFallIntoTheirCategory(int score, NpsCategory expected) {
        assertEquals(expected, NpsCategory.of(score));
        assertEquals(expected, new Score(score).category());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100, Integer.MIN_VALUE})
    void scoresOutsideTheScaleAreRejectedWithAClearMessage(int score) {
        InvalidScoreException e = assertThrows(InvalidScoreException.class, () -> NpsCategory.of(score));
        assertTrue(e.getMessage().contains("from 0 to 10"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(score)), e.getMessage());
        assertThrows(InvalidScoreException.class, () -> new Score(score));
    }
}
