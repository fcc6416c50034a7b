package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreParseTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 9, 10})
    void asciiDigitsFromZeroToTen(int score) {
        assertEquals(OptionalInt.of(score), Score.parse(Integer.toString(score)));
    }

    /** Integer.parseInt("９") is 9: fullwidth, Arabic-Indic and other Unicode digits are not scores. */
    @ParameterizedTest
    @ValueSource(strings = {"９", "１０", "٩", "۹", "९", "1０", "11", "-1", "+5", " 5", "5 ", "07", "00", "", "x", "100"})
    void anythingElseIsNotAScore(String text) {
        assertTrue(Score.parse(text).isEmpty(), text);
        assertTrue(Score.parse(null).isEmpty());
    }
}
