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

    static void requireValid(int score) {
        if (score < MIN || score > MAX) {
            throw new InvalidScoreException(score);
        }
    }
}
