package org.npsloop.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class AnnotationTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void keepsTheStrippedTextAndItsAuthor() {
        Annotation a = new Annotation(LocalDate.of(2026, 10, 1), "  Price change \n", "marie", NOW);
        assertEquals("Price change", a.getText());
        assertEquals("marie", a.getAuthor());
        a.change(LocalDate.of(2026, 10, 2), "New price list", NOW.plusSeconds(60));
        assertEquals(LocalDate.of(2026, 10, 2), a.getDay());
        assertEquals(NOW, a.getCreatedAt());
        assertEquals(NOW.plusSeconds(60), a.getUpdatedAt());
    }

    @Test
    void namesEachBadField() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new Annotation(null, " ", "marie", NOW));
        assertEquals(List.of("day", "text"), missing.errors().stream().map(FieldError::field).toList());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> new Annotation(LocalDate.of(2026, 10, 1), "x".repeat(Annotation.MAX_TEXT + 1), "marie", NOW));
        assertEquals("text", tooLong.errors().get(0).field());
        assertEquals(Annotation.MAX_TEXT, new Annotation(LocalDate.of(2026, 10, 1), "x".repeat(Annotation.MAX_TEXT), "m", NOW)
                .getText().length());
    }
}
