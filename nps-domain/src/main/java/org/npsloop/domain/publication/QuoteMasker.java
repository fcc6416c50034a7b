package org.npsloop.domain.publication;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides, in a quote about to be published, whatever points at a person: each becomes {@value #MASK}.
 *
 * <ul>
 * <li>email addresses;</li>
 * <li>phone numbers: French national forms ({@code 06 12 34 56 78}, {@code 06.12.34.56.78}, {@code 0612345678}),
 * international ones starting with {@code +} or {@code 00} ({@code +33 6 12 34 56 78}, {@code +33 (0)6 ...},
 * {@code +1 415 555 0100}) and {@code (415) 555-0100};</li>
 * <li>URLs: {@code http(s)://...}, {@code www....} and bare domains followed by a path ({@code acme.fr/account/42});</li>
 * <li>the author's own first and last name, whole words, ignoring case and accents: the whole name always, and
 * each word of a compound name ({@code Marie-Claire}, {@code Le Gall}) of 3 letters or more that is not a
 * common word;</li>
 * <li>other contacts' names: their first and last name next to each other (either order, any case), and their
 * last name alone when it is written with a capital inside a sentence (not as its first word), has 3 letters
 * or more and is not a common word ("Petit", "Blanc"...). A first name alone is not masked: it identifies
 * nobody and most are ordinary words somewhere.</li>
 * </ul>
 *
 * <p>Pure and idempotent: masking masked text changes nothing. The contacts to test are found by the caller
 * with {@link #lookupTerms}: the quote's words and word pairs, folded, which the database compares with its
 * contacts' folded last names (a bounded lookup, never a scan into memory).
 */
public final class QuoteMasker {

    public static final String MASK = "[\u2026]";

    /** At most this many terms are looked up among contacts' last names for one quote. */
    public static final int MAX_LOOKUP_TERMS = 400;

    /** A person's name as the contacts table holds it (either part may be null). */
    public record Person(String firstName, String lastName) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+");

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\bhttps?://|\\bwww\\.)[^\\s<>\"]+"
                    + "|(?<![\\p{L}\\p{N}@/.\\-])(?:[\\p{L}\\p{N}\\-]+\\.)+\\p{L}{2,}/[^\\s<>\"]*");

    private static final Pattern PHONE = Pattern.compile(
            // International: + or 00, a country code, an optional (0), then 6 to 13 more digits with separators.
            "(?<![\\p{L}\\p{N}+])(?:\\+|\\b00)\\d{1,3}(?:[ .\\-]?\\(0\\))?(?:[ .\\-]?\\d){6,13}(?!\\d)"
                    // French national: 0, a digit 1-9, then four pairs of digits, separated or not.
                    + "|(?<![\\p{L}\\p{N}])0[1-9](?:[ .\\-]?\\d{2}){4}(?!\\d)"
                    // North American: (415) 555-0100.
                    + "|\\(\\d{3}\\)[ .\\-]?\\d{3}[ .\\-]\\d{4}(?!\\d)");

    /** A word: letters and digits together ("R2D2" is one word, never "R" and "D"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    /** Trailing punctuation that ends a sentence rather than a URL. */
    private static final Pattern URL_TAIL = Pattern.compile("[.,;:!?)\\]}'\u2019\"\u00bb]+$");

    /**
     * Common French and English words that are also surnames or name parts: never masked alone (a full
     * name that contains one still is).
     */
    private static final Set<String> COMMON = Set.of("le", "la", "les", "de", "du", "des", "un", "une", "et", "ou",
            "au", "aux", "en", "sur", "pour", "par", "avec", "sans", "the", "and", "of", "to", "in", "on", "at", "for",
            "with", "by", "from", "van", "von", "der", "den", "da", "di", "del", "dos", "das", "bon", "bonne", "bien",
            "tres", "petit", "petite", "grand", "grande", "blanc", "noir", "rouge", "vert", "rose", "brun", "long",
            "court", "service", "client", "merci", "bonjour", "top", "super", "france", "paris", "prix", "produit",
            "livraison", "vite", "page", "mars", "avril", "mai", "juin", "juillet", "august", "may", "june", "march",
            "april", "white", "black", "green", "brown", "young", "king", "good", "best", "great", "little", "price",
            "support", "team", "equipe", "agence", "magasin", "boutique", "fort", "leger", "doux", "chevalier",
            "lebon", "march\u00e9", "marche", "roi", "pape", "mer", "bois", "lac", "mont", "pont", "rue", "ville");

    /** Accented letters the database folds with {@code TRANSLATE}, and what each folds to (one letter each). */
    public static final String FOLD_FROM = "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb"
            + "\u00ec\u00ed\u00ee\u00ef\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff"
            + "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d1"
            + "\u00d2\u00d3\u00d4\u00d5\u00d6\u00d9\u00da\u00db\u00dc\u00dd";
    public static final String FOLD_TO = fold(FOLD_FROM);

    private QuoteMasker() {
    }

    /** Lower case without accents: "Nob\u00e9court" and "NOBECOURT" fold alike. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The terms of {@code text} that may be a contact's last name: each word of 2 letters or more, and each
     * pair and triple of consecutive words (for "Le Gall", "de la Fontaine"), folded, joined by one space, at
     * most {@link #MAX_LOOKUP_TERMS}. The caller folds last names the same way ({@link #FOLD_FROM},
     * hyphens as spaces) and compares.
     */
    public static Set<String> lookupTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        List<Token> tokens = tokens(text);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                if (!adjacent(text, tokens, i, n)) {
                    continue;
                }
                StringBuilder term = new StringBuilder();
                for (int k = i; k < i + n; k++) {
                    term.append(k == i ? "" : " ").append(tokens.get(k).folded);
                }
                if (term.length() >= 2 && term.chars().anyMatch(Character::isLetter)) {
                    terms.add(term.toString());
                }
                if (terms.size() >= MAX_LOOKUP_TERMS) {
                    return terms;
                }
            }
        }
        return terms;
    }

    /** {@code text} with emails, phones, URLs and names replaced by {@value #MASK}; null stays null. */
    public static String mask(String text, Person author, Collection<Person> contacts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<int[]> spans = new ArrayList<>();
        for (Pattern pattern : List.of(EMAIL, URL, PHONE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int end = m.end();
                if (pattern == URL) {
                    Matcher tail = URL_TAIL.matcher(m.group());
                    if (tail.find()) {
                        end = m.start() + tail.start();
                    }
                }
                if (end > m.start()) {
                    spans.add(new int[] {m.start(), end});
                }
            }
        }
        List<Token> tokens = tokens(text);
        if (author != null) {
            for (String name : new String[] {author.firstName(), author.lastName()}) {
                List<String> words = words(name);
                addRuns(text, tokens, words, spans);
                if (words.size() > 1) {
                    words.stream().filter(QuoteMasker::maskableAlone).forEach(w -> addRuns(text, tokens, List.of(w), spans));
                }
            }
        }
        if (contacts != null) {
            for (Person contact : contacts) {
                List<String> first = words(contact.firstName());
                List<String> last = words(contact.lastName());
                if (!first.isEmpty() && !last.isEmpty()) {
                    addRuns(text, tokens, concat(first, last), spans);
                    addRuns(text, tokens, concat(last, first), spans);
                }
                if (!last.isEmpty() && maskableAlone(String.join(" ", last))) {
                    for (int i : runs(text, tokens, last)) {
                        if (Character.isUpperCase(text.codePointAt(tokens.get(i).start)) && !startsSentence(text, tokens.get(i).start)) {
                            spans.add(new int[] {tokens.get(i).start, tokens.get(i + last.size() - 1).end});
                        }
                    }
                }
            }
        }
        return apply(text, spans);
    }

    private static boolean maskableAlone(String folded) {
        return folded.replace(" ", "").length() >= 3 && !COMMON.contains(folded);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private record Token(int start, int end, String folded) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end(), fold(m.group())));
        }
        return tokens;
    }

    private static List<String> words(String name) {
        return name == null ? List.of() : tokens(name).stream().map(Token::folded).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether the {@code n} tokens from {@code i} are separated only by a space, a hyphen or an apostrophe. */
    private static boolean adjacent(String text, List<Token> tokens, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            String gap = text.substring(tokens.get(k - 1).end, tokens.get(k).start);
            if (gap.length() > 3 || !gap.matches("[\\s\\-'\u2019]+")) {
                return false;
            }
        }
        return true;
    }

    /** The token indexes where {@code words} occur as consecutive words. */
    private static List<Integer> runs(String text, List<Token> tokens, List<String> words) {
        List<Integer> found = new ArrayList<>();
        if (words.isEmpty()) {
            return found;
        }
        outer:
        for (int i = 0; i + words.size() <= tokens.size(); i++) {
            for (int k = 0; k < words.size(); k++) {
                if (!tokens.get(i + k).folded.equals(words.get(k))) {
                    continue outer;
                }
            }
            if (adjacent(text, tokens, i, words.size())) {
                found.add(i);
            }
        }
        return found;
    }

    private static void addRuns(String text, List<Token> tokens, List<String> words, List<int[]> spans) {
        for (int i : runs(text, tokens, words)) {
            spans.add(new int[] {tokens.get(i).start, tokens.get(i + words.size() - 1).end});
        }
    }

    /** At the start of the text or after . ! ? : or a line break (quotes and brackets aside). */
    private static boolean startsSentence(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && c != '\n') {
                continue;
            }
            if ("\"'\u00ab\u201c(".indexOf(c) >= 0) {
                continue;
            }
            return ".!?:\n".indexOf(c) >= 0;
        }
        return true;
    }

    /** Replaces the spans, merged where they overlap or only spaces or a hyphen separate them, by one mask each. */
    private static String apply(String text, List<int[]> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]));
        StringBuilder out = new StringBuilder();
        int position = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            i++;
            while (i < spans.size() && (spans.get(i)[0] <= end || text.substring(end, spans.get(i)[0]).matches("[ \\-]+"))) {
                end = Math.max(end, spans.get(i)[1]);
                i++;
            }
            out.append(text, position, start).append(MASK);
            position = end;
        }
        return out.append(text, position, text.length()).toString();
    }
}
