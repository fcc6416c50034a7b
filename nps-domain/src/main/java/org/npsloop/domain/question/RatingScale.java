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

    /**
     * A SQL expression giving the lowest high rating of the scale named in a column ({@code rating_scale}), e.g.
     * {@code CASE q.rating_scale WHEN 'ONE_TO_FIVE' THEN 4 WHEN 'ZERO_TO_TEN' THEN 8 END}: a rating is high when
     * {@code rating >= it}, so reports split high and low exactly as {@link #isHigh} does.
     *
     * @param scaleColumn a column name written by the code, never by a user (it is pasted into the SQL)
     */
    public static String highFromSql(String scaleColumn) {
        StringBuilder sql = new StringBuilder("CASE ").append(scaleColumn);
        for (RatingScale scale : values()) {
            sql.append(" WHEN '").append(scale.name()).append("' THEN ").append(scale.highFrom());
        }
        return sql.append(" END").toString();
    }
}
