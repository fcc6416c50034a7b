package org.npsloop.domain.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.domain.publication.QuoteMasker.Person;

class QuoteMaskerTest {

    private static final Person ANAIS = new Person("Ana\u00efs", "Nob\u00e9court");
    private static final String M = QuoteMasker.MASK;

    private static String mask(String text) {
        return QuoteMasker.mask(text, null, List.of());
    }

    @Test
    void emailAddressesAreMasked() {
        assertEquals("\u00c9crivez-moi \u00e0 " + M + ", merci.", mask("\u00c9crivez-moi \u00e0 anais.nobecourt@exemple.fr, merci."));
        assertEquals(M + " ou " + M, mask("a+b@sub.example.co.uk ou J\u00e9r\u00f4me_2@x-y.fr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "06-12-34-56-78", "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78", "+33(0)612345678", "+33612345678", "0033 6 12 34 56 78", "+1 415 555 0100",
            "+44 20 7946 0958", "(415) 555-0100", "01 45 67 89 10"})
    void phoneNumbersAreMasked(String phone) {
        assertEquals("Appelez le " + M + " svp", mask("Appelez le " + phone + " svp"));
        assertEquals(M + ".", mask(phone + "."));
    }

    @Test
    void urlsAreMasked() {
        assertEquals("Voir " + M + ".", mask("Voir https://exemple.fr/compte?id=42."));
        assertEquals("Voir " + M + " ou " + M + ", et " + M + ")", mask("Voir http://a.b/c ou www.exemple.fr, et www.x.com/y)"));
        assertEquals("Mon profil : " + M, mask("Mon profil : linkedin.com/in/anais-nobecourt"));
        assertEquals("Le site acme.fr est lent", mask("Le site acme.fr est lent"), "a bare domain without a path is no person's address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Note 9/10, livraison le 12/03 pour 129,90 \u20ac, j'ai d\u00fb appeler 2 fois.",
            "En 2025 j'ai command\u00e9 3 fois, 1 234,50 \u20ac au total, le 12/03/2025 \u00e0 14h30.",
            "Commande n\u00b0 45 : +15 % en un an, 4.5/5, 100% satisfait, 24h/24 et 7j/7.",
            "Service client tr\u00e8s r\u00e9actif, merci \u00e0 toute l'\u00e9quipe ! Le prix est de 59.90 euros.",
            "Great support, fixed in 2 days, 10/10 would recommend. Petit souci au d\u00e9but.",
            "Martin Luther King would approve; le site acme.fr est simple."})
    void ordinaryTextIsLeftAlone(String text) {
        assertEquals(text, QuoteMasker.mask(text, ANAIS, List.of(new Person("Pierre", "Petit"), new Person("Jean", "Blanc"))));
    }

    @Test
    void theAuthorsOwnNameIsMaskedIgnoringCaseAndAccentsAsWholeWords() {
        assertEquals("Je suis " + M + " et j'adore.", QuoteMasker.mask("Je suis Ana\u00efs Nob\u00e9court et j'adore.", ANAIS, List.of()));
        assertEquals("sign\u00e9 " + M + ", " + M + " !", QuoteMasker.mask("sign\u00e9 ANAIS, nobecourt !", ANAIS, List.of()));
        assertEquals("Nobecourtville et anaisse restent", QuoteMasker.mask("Nobecourtville et anaisse restent", ANAIS, List.of()),
                "whole words only");
        Person compound = new Person("Marie-Claire", "Le Gall");
        assertEquals("Moi, " + M + ", et " + M + " aussi; " + M + " le dit",
                QuoteMasker.mask("Moi, Marie-Claire Le Gall, et Claire aussi; GALL le dit", compound, List.of()));
        assertEquals("le service et la livraison", QuoteMasker.mask("le service et la livraison", compound, List.of()),
                "the particle of a compound name alone stays");
        assertEquals("Lovely onboarding 1uvf300zx, " + M, QuoteMasker.mask("Lovely onboarding 1uvf300zx, Q1uvf300zx",
                new Person("Ines", "Q1uvf300zx"), List.of()), "letters and digits make one word");
    }

    @Test
    void otherContactsNamesAreMaskedAsFullNamesOrCapitalisedLastNames() {
        List<Person> contacts = List.of(new Person("Jean", "Dupont"), new Person("Pierre", "Petit"), new Person("L\u00e9a", "Roux"));
        assertEquals("Merci \u00e0 " + M + " et " + M + " du support.",
                QuoteMasker.mask("Merci \u00e0 jean dupont et Dupont Jean du support.", null, contacts));
        assertEquals("Votre conseiller " + M + " a \u00e9t\u00e9 top.",
                QuoteMasker.mask("Votre conseiller Dupont a \u00e9t\u00e9 top.", null, contacts));
        assertEquals("Dupont a \u00e9t\u00e9 top.", QuoteMasker.mask("Dupont a \u00e9t\u00e9 top.", null, contacts),
                "a capitalised first word of a sentence is not a name by itself");
        assertEquals("un petit souci, Petit souci. Et " + M + " m'a aid\u00e9e.",
                QuoteMasker.mask("un petit souci, Petit souci. Et Pierre Petit m'a aid\u00e9e.", null, contacts),
                "a common word is masked only as part of a full name");
        assertEquals("Vu avec " + M + ".", QuoteMasker.mask("Vu avec Roux.", null, contacts));
        assertEquals("la sauce au roux", QuoteMasker.mask("la sauce au roux", null, contacts), "lower case: an ordinary word");
        assertEquals("Jean et Pierre", QuoteMasker.mask("Jean et Pierre", null, contacts), "first names alone identify nobody");
    }

    @Test
    void everythingAtOnceAndMaskingIsIdempotent() {
        String quote = "Je suis Ana\u00efs Nob\u00e9court (anais.nobecourt@exemple.fr, 06 12 34 56 78 ou +33 6 12 34 56 78),"
                + " voyez https://exemple.fr/a ; Jean Dupont aussi. Note 9/10.";
        String masked = QuoteMasker.mask(quote, ANAIS, List.of(new Person("Jean", "Dupont")));
        assertEquals("Je suis " + M + " (" + M + ", " + M + " ou " + M + "), voyez " + M + " ; " + M + " aussi. Note 9/10.", masked);
        assertEquals(masked, QuoteMasker.mask(masked, ANAIS, List.of(new Person("Jean", "Dupont"))));
        assertEquals(null, QuoteMasker.mask(null, ANAIS, List.of()));
    }

    @Test
    void lookupTermsAreTheFoldedWordsAndWordPairsBounded() {
        Set<String> terms = QuoteMasker.lookupTerms("Merci Le Gall, et \u00c9lodie!");
        assertTrue(terms.containsAll(Set.of("merci", "le", "gall", "et", "elodie", "le gall", "merci le", "merci le gall")), terms.toString());
        assertTrue(!terms.contains("gall et"), "a comma separates: no pair across it");
        assertEquals(QuoteMasker.MAX_LOOKUP_TERMS, QuoteMasker.lookupTerms("mot ".repeat(100) + "x".repeat(5)
                + " " + String.join(" ", java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "w" + Integer.toString(i, 26)
                        .replaceAll("\\d", "a")).toList())).size());
        assertEquals(QuoteMasker.FOLD_FROM.length(), QuoteMasker.FOLD_TO.length(), "one letter each, as SQL TRANSLATE needs");
        assertEquals("eeaiouc", QuoteMasker.fold("\u00c9\u00e8\u00e2\u00ef\u00f4\u00fb\u00e7"));
    }
}
