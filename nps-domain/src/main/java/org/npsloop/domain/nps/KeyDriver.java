package org.npsloop.domain.nps;

import java.util.Objects;

/**
 * How much one touchpoint drives the NPS: the NPS of the respondents who rated it high against the NPS of those
 * who rated it low. A large, significant difference marks a touchpoint worth improving.
 *
 * <p>The difference is compared with the combined 95% margin of error exactly as the dashboard compares two
 * periods ({@link NpsResult#changeSince}): {@code 1.96 * sqrt(var_high/n_high + var_low/n_low) * 100}.
 *
 * @param key the touchpoint's stable code
 * @param label the touchpoint's name as shown
 * @param high NPS of the respondents who rated the touchpoint high ({@link #isHigh})
 * @param low NPS of those who rated it low
 */
public record KeyDriver(String key, String label, NpsResult high, NpsResult low) {

    public KeyDriver {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
    }

    /**
     * Whether a rating counts high: the "satisfied" top of its scale, 4-5 on 1-5 (two of five values, 40%) and
     * 8-10 on 0-10 (three of eleven, 27%); 4 of 5 and 8 of 10 are the same 80% mark. Not 9-10 as for an NPS
     * promoter: rating one touchpoint 8 already says it went well. Everything below is low.
     *
     * @throws IllegalArgumentException for another scale, or a rating outside it
     */
    public static boolean isHigh(int rating, int scaleMax) {
        int min = scaleMax == 5 ? 1 : 0;
        int highFrom = highFrom(scaleMax);
        if (rating < min || rating > scaleMax) {
            throw new IllegalArgumentException("Rating " + rating + " is outside the scale " + min + "-" + scaleMax);
        }
        return rating >= highFrom;
    }

    /** The lowest high rating of a 1-5 (scaleMax 5) or 0-10 (scaleMax 10) scale, for SQL: {@code rating >= it}. */
    public static int highFrom(int scaleMax) {
        return switch (scaleMax) {
            case 5 -> 4;
            case 10 -> 8;
            default -> throw new IllegalArgumentException("Ratings are on 1-5 or 0-10; no scale ends at " + scaleMax);
        };
    }

    /** NPS(high) - NPS(low) with its combined margin of error; {@link NpsChange#UNKNOWN} if a group is empty. */
    public NpsChange difference() {
        return high.changeSince(low);
    }

    /** Both groups have at least {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} respondents. */
    public boolean isConclusive() {
        return high.isConclusive() && low.isConclusive();
    }

    /** Conclusive, and the difference exceeds the combined margin of error. */
    public boolean isSignificant() {
        return isConclusive() && difference().significant();
    }
}
