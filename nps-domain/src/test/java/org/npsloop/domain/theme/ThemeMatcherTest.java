package org.npsloop.domain.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeMatcherTest {

    private static final long PRICE = 1;
    private static final long DELIVERY = 2;
    private static final long SUPPORT = 3;

    private static ThemeMatcher matcher() {
        Map<Long, List<String>> rules = new LinkedHashMap<>();
        rules.put(PRICE, List.of("prix", "\"cher\"", "tarif", "price", "expensive"));
        rules.put(DELIVERY, List.of("livr", "délai", "delivery", "shipping"));
        rules.put(SUPPORT, List.of("service client", "SAV", "support"));
        return ThemeMatcher.of(rules);
    }

    @Test
    void accentsAndCaseAreIgnoredOnBothSides() {
        assertEquals(Set.of(DELIVERY), matcher().themesOf("Les DELAIS sont trop longs"));
        assertEquals(Set.of(DELIVERY), matcher().themesOf("délai de livraison"));
        assertEquals(Set.of(PRICE), matcher().themesOf("Les TARIFS ont augmenté"));
        assertEquals(List.of("l", "equipe", "a", "du", "coeur", "a", "l", "ouvrage"), Keyword.words("L'équipe a du cœur à l'ouvrage"));
    }

    @Test
    void keywordsArePrefixesOfWords() {
        assertEquals(Set.of(DELIVERY), matcher().themesOf("Livraisons toujours en retard"));
        assertEquals(Set.of(DELIVERY), matcher().themesOf("colis livré cassé"));
        assertEquals(Set.of(), matcher().themesOf("délivrance"), "a keyword starts a word, it is not found inside one");
        assertEquals(Set.of(PRICE), matcher().themesOf("Prices went up"));
    }

    @Test
    void quotedKeywordsMustBeTheWholeWord() {
        assertEquals(Set.of(PRICE), matcher().themesOf("Trop cher !"));
        assertEquals(Set.of(), matcher().themesOf("Je dois chercher mes factures"));
    }

    @Test
    void severalWordKeywordsMatchNeighbouringWordsInOrder() {
        assertEquals(Set.of(SUPPORT), matcher().themesOf("Le Service-Clients ne répond jamais"));
        assertEquals(Set.of(), matcher().themesOf("le client attend un service"));
    }

    @Test
    void frenchAndEnglishKeywordsBothApplyAndACommentGetsEveryMatchingTheme() {
        assertEquals(Set.of(PRICE, DELIVERY, SUPPORT),
                matcher().themesOf("Too expensive, shipping slow, and the SAV never answers"));
        assertEquals(Set.of(PRICE, DELIVERY), matcher().themesOf("Good price but livraison lente"));
        assertEquals(Set.of(), matcher().themesOf("Parfait"));
        assertEquals(Set.of(), matcher().themesOf(null));
        assertEquals(Set.of(), matcher().themesOf("   "));
    }

    @Test
    void keywordsAreValidatedAndComparedInMatchingForm() {
        assertThrows(IllegalArgumentException.class, () -> Keyword.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> Keyword.parse("?!"));
        assertThrows(IllegalArgumentException.class, () -> Keyword.parse("x".repeat(101)));
        assertEquals(Keyword.parse("Délai").key(), Keyword.parse("delai").key());
        assertEquals("service client", Keyword.parse(" Service  Client ").key());
        Keyword exact = Keyword.parse("\"cher\"");
        assertTrue(exact.exact());
        assertFalse(Keyword.parse("cher").exact());
        assertEquals("\"cher\"", exact.key());
    }
}
