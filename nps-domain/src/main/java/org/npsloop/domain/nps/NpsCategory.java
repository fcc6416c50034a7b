package org.npsloop.domain.nps;

/**
 * The three groups a 0-10 answer falls into. The bounds are written here only: Java asks {@link #of}, SQL
 * asks {@link #sqlCondition} and {@link #countsSql}, so a report and a filter can never disagree on a 6 or a 9.
 */
public enum NpsCategory {
    /** 0 to 6: unhappy customers who may damage the brand. */
    DETRACTOR(Score.MIN, 6),
    /** 7 or 8: satisfied but unenthusiastic, open to competitors. */
    PASSIVE(7, 8),
    /** 9 or 10: loyal enthusiasts who recommend. */
    PROMOTER(9, Score.MAX);

    private final int min;
    private final int max;

    NpsCategory(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** The lowest score of the category. */
    public int min() {
        return min;
    }

    /** The highest score of the category. */
    public int max() {
        return max;
    }

    /** @throws InvalidScoreException when the score is outside 0..10 */
    public static NpsCategory of(int score) {
        Score.requireValid(score);
        for (NpsCategory category : values()) {
            if (score >= category.min && score <= category.max) {
                return category;
            }
        }
        throw new IllegalStateException("No category holds " + score);
    }

    /**
     * A SQL condition true when the column holds a score of this category, e.g. {@code r.score BETWEEN 7 AND 8}.
     *
     * @param scoreColumn a column name written by the code, never by a user (it is pasted into the SQL)
     */
    public String sqlCondition(String scoreColumn) {
        return scoreColumn + " BETWEEN " + min + " AND " + max;
    }

    /**
     * Three SQL select items counting promoters, passives and detractors over the column, in the order
     * {@link NpsResult#ofCounts} takes them; each is 0, never NULL, when no row matches.
     */
    public static String countsSql(String scoreColumn) {
        return count(PROMOTER, scoreColumn) + ", " + count(PASSIVE, scoreColumn) + ", " + count(DETRACTOR, scoreColumn);
    }

    private static String count(NpsCategory category, String scoreColumn) {
        return "COALESCE(SUM(CASE WHEN " + category.sqlCondition(scoreColumn) + " THEN 1 ELSE 0 END), 0)";
    }
}
