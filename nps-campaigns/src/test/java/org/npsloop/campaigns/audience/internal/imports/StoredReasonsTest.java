package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.i18n.Message;

class StoredReasonsTest {

    @Test
    void keysAndArgumentsComeBackToBeReadInEitherLanguage() {
        List<Message> reasons = List.of(Message.of("import.line.tooManyColumns", 2), Message.of("import.line.email.invalid", "jean@"),
                Message.of("import.line.field", "type", Message.of("some.nested.key", 3.5)));
        List<Message> read = StoredReasons.decode(StoredReasons.encode(reasons));
        assertEquals(List.of(Message.of("import.line.tooManyColumns", 2L), Message.of("import.line.email.invalid", "jean@"),
                Message.of("import.line.field", "type", Message.of("some.nested.key", 3.5))), read);
        assertEquals("2 colonnes de plus que l'en-tête (colonne inconnue)", read.get(0).render(Locale.FRENCH));
        assertEquals("invalid email 'jean@'", read.get(1).render(Locale.ENGLISH));
    }

    /** Lines rejected before reasons had keys hold an English sentence. */
    @Test
    void anOlderSentenceIsReadAsItIs() {
        assertEquals("invalid email 'x'", StoredReasons.decode("invalid email 'x'").get(0).render(Locale.FRENCH));
        assertEquals("[{not json", StoredReasons.decode("[{not json").get(0).render(Locale.ENGLISH));
    }

    @Test
    void longValuesAreShortenedToFitTheColumnAndTheFirstReasonsKept() {
        String huge = "x".repeat(5000);
        String stored = StoredReasons.encode(List.of(Message.of("import.line.email.invalid", huge), Message.of("import.line.email.missing")));
        assertTrue(stored.length() <= StoredReasons.MAX_LENGTH, stored);
        List<Message> read = StoredReasons.decode(stored);
        assertEquals(2, read.size());
        assertTrue(read.get(0).render(Locale.ENGLISH).startsWith("invalid email 'xxx"));

        List<Message> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> Message.of("import.line.email.invalid", "a" + i)).toList();
        String cut = StoredReasons.encode(many);
        assertTrue(cut.length() <= StoredReasons.MAX_LENGTH);
        List<Message> first = StoredReasons.decode(cut);
        assertEquals(many.subList(0, first.size()), first);
    }
}
