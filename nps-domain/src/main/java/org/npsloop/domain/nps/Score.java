package org.npsloop.domain.nps;

/** One answer on the 0..10 likelihood-to-recommend scale. */
public record Score(int value) {

    public static final int MIN = 0;
    public static final int MAX = 10;

    public Score {
        requireValid(value);
    }

    public NpsCategory category() {
        return NpsCategory.of(value);
    }

    /**
     * A score as typed: {@code 0} to {@code 10} in ASCII digits only. {@code Integer.parseInt} and
     * {@code Character.isDigit} also accept fullwidth ({@code ９}) or Arabic-Indic digits, which are not scores.
     *
     * @return the value, or empty when the text is anything else (null, blank, signs, spaces, other digits)
     */
    public static java.util.OptionalInt parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return java.util.OptionalInt.empty();
        }
        int value = Integer.parseInt(text);
        return value <= MAX && (text.length() == 1 || text.charAt(0) != '0') ? java.util.OptionalInt.of(value) : java.util.OptionalInt.empty();
    }

    static void requireValid(int score) {
        if (score < MIN || score > MAX) {
            throw new InvalidScoreException(score);
        }
    }
}
