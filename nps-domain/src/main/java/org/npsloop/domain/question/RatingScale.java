package org.npsloop.domain.question;

/** The scale of a touchpoint rating. */
public enum RatingScale {
    ONE_TO_FIVE(1, 5),
    ZERO_TO_TEN(0, 10);

    private final int min;
    private final int max;

    RatingScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean holds(int rating) {
        return rating >= min && rating <= max;
    }

    /**
     * A "high" rating for the key-driver view: the top of the scale, 4-5 of 1-5 and 8-10 of 0-10 (the top 40% and
     * 27%), so that "rated it high" means satisfied on either scale; the rest is "low".
     */
    public boolean isHigh(int rating) {
        return this == ONE_TO_FIVE ? rating >= 4 : rating >= 8;
    }

    /** The lowest rating counted high, for SQL ({@code rating >= highFrom}). */
    public int highFrom() {
        return this == ONE_TO_FIVE ? 4 : 8;
    }
}
