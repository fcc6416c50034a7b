package org.npsloop.domain.nps;

/** The three groups a 0-10 answer falls into. */
public enum NpsCategory {
    /** 0 to 6: unhappy customers who may damage the brand. */
    DETRACTOR,
    /** 7 or 8: satisfied but unenthusiastic, open to competitors. */
    PASSIVE,
    /** 9 or 10: loyal enthusiasts who recommend. */
    PROMOTER;

    /** @throws InvalidScoreException when the score is outside 0..10 */
    public static NpsCategory of(int score) {
        Score.requireValid(score);
        if (score >= 9) {
            return PROMOTER;
        }
        return score >= 7 ? PASSIVE : DETRACTOR;
    }
}
