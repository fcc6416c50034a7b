package org.npsloop.domain.theme;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * One keyword of a theme, as a person typed it and in its matching form.
 *
 * <p>Matching rules (the same for comments and keywords): lower case, accents stripped ("délai" = "delai"),
 * ligatures spelled out ("œ" = "oe"), and words split at anything that is not a letter or a digit (so
 * "l'équipe" is the words "l" and "equipe"). A keyword matches a comment when each of its words starts a
 * word of the comment, in order and next to each other: "livr" and "livraison" both match "livraisons",
 * "service client" matches "Services clients". A keyword between double quotes ({@code "cher"}) must be
 * the whole word instead: it matches "cher" and "Cher" but not "chercher".
 */
public record Keyword(String text, List<String> words, boolean exact) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public Keyword {
        words = List.copyOf(words);
    }

    /**
     * @throws IllegalArgumentException when nothing is left to match (empty, only punctuation) or it is too long
     */
    public static Keyword parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("theme.keyword.tooLong", MAX_LENGTH, text);
        }
        boolean exact = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
        List<String> words = words(exact ? text.substring(1, text.length() - 1) : text);
        if (words.isEmpty()) {
            throw new InvalidValueException("theme.keyword.empty");
        }
        return new Keyword(text, words, exact);
    }

    /** The matching form: two keywords with the same key are duplicates. */
    public String key() {
        String joined = String.join(" ", words);
        return exact ? "\"" + joined + "\"" : joined;
    }

    /** The words of a text in matching form: lower case, no accents, split at non-letters. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Whether this keyword occurs in a text already split by {@link #words(String)}. */
    public boolean matches(List<String> textWords) {
        for (int start = 0; start + words.size() <= textWords.size(); start++) {
            if (matchesAt(textWords, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(List<String> textWords, int start) {
        for (int i = 0; i < words.size(); i++) {
            String word = textWords.get(start + i);
            String keyword = words.get(i);
            if (exact ? !word.equals(keyword) : !word.startsWith(keyword)) {
                return false;
            }
        }
        return true;
    }
}
