package org.npsloop.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictDatesTest {

    @Test
    void isoAndFrenchDatesThatExist() {
        assertEquals(LocalDate.of(2025, 12, 31), StrictDates.day("2025-12-31"));
        assertEquals(LocalDate.of(2025, 12, 31), StrictDates.day(" 31/12/2025 "));
        assertEquals(LocalDate.of(2024, 2, 29), StrictDates.day("29/02/2024"));
        assertNull(StrictDates.optionalDay(" "));
        assertEquals(LocalDateTime.of(2025, 11, 20, 10, 0), StrictDates.frenchDateTime("20/11/2025 10:00"));
    }

    /** The SMART resolver of DateTimeFormatter.ofPattern made 31/02/2025 the 28th of February. */
    @ParameterizedTest
    @ValueSource(strings = {"31/02/2025", "29/02/2025", "31/04/2025", "2025-02-31", "00/01/2025", "32/01/2025", "01/13/2025",
        "2025-02-28T10:00", "2025-02-28garbage", "28/02/2025 extra", "1/2/2025", "31-12-2025", "٣١/١٢/٢٠٢٥"})
    void anythingElseIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictDates.day(text));
        assertEquals("not a date (expected 2025-12-31 or 31/12/2025): " + text.strip(), e.getMessage());
    }

    @Test
    void isoOnlyWhereTheFormatIsIso() {
        assertEquals(LocalDate.of(2024, 2, 29), StrictDates.isoDay("2024-02-29"));
        assertThrows(IllegalArgumentException.class, () -> StrictDates.isoDay("31/12/2024"));
        assertThrows(IllegalArgumentException.class, () -> StrictDates.isoDay("2025-02-29"));
    }

    @Test
    void aFrenchTimeOnADayThatDoesNotExistIsRefused() {
        assertThrows(DateTimeParseException.class, () -> StrictDates.frenchDateTime("31/02/2025 10:00"));
    }

    /** In an English page, slashes are month first: 12/04/2025 is the 4th of December. */
    @Test
    void slashedDaysFollowThePagesLanguage() {
        assertEquals(LocalDate.of(2025, 12, 4), StrictDates.day("12/04/2025", java.util.Locale.ENGLISH));
        assertEquals(LocalDate.of(2025, 4, 12), StrictDates.day("12/04/2025", java.util.Locale.FRENCH));
        assertEquals(LocalDate.of(2025, 12, 31), StrictDates.day("2025-12-31", java.util.Locale.ENGLISH));
        assertThrows(IllegalArgumentException.class, () -> StrictDates.day("31/12/2025", java.util.Locale.ENGLISH));
        assertThrows(IllegalArgumentException.class, () -> StrictDates.day("02/30/2025", java.util.Locale.US));
    }
}
