package org.npsloop.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    private static final String GRIN = "\uD83D\uDE00";

    @Test
    void theLimitCountsCharactersAsPeopleSeeThemAndNeverCuts() {
        String emojis = GRIN.repeat(CommentText.MAX_LENGTH);
        assertEquals(emojis, CommentText.of(emojis), "2,000 emojis (4,000 UTF-16 units) are within the limit");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommentText.of(emojis + "x"));
        assertEquals("longer than 2000 characters", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommentText.of("x".repeat(CommentText.MAX_LENGTH + 1)));
    }

    @Test
    void invalidXmlCharactersGoSpacesAreStrippedAndNothingLeftIsNull() {
        assertEquals("Bon accueil", CommentText.of("  Bon\u0000 acc\u001Fueil\uFFFE "));
        assertNull(CommentText.of("\u0001\u0002 "));
        assertNull(CommentText.of(null));
        // The removed characters do not count towards the limit.
        assertEquals(CommentText.MAX_LENGTH, CommentText.of("x".repeat(CommentText.MAX_LENGTH) + "\u0000").length());
    }
}
