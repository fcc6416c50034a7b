package org.npsloop.domain.question;

import org.npsloop.domain.nps.KeyDriver;

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

    /** A "high" rating for the key-driver view, as {@link KeyDriver#isHigh} defines it; the rest is "low". */
    public boolean isHigh(int rating) {
        return KeyDriver.isHigh(rating, max);
    }

    /** The lowest rating counted high, for SQL ({@code rating >= highFrom}). */
    public int highFrom() {
        return KeyDriver.highFrom(max);
    }
}
