package org.npsloop.domain.nps;

/**
 * The difference between two periods' NPS, in points, with the combined 95% margin of error of the
 * two measurements. {@link #UNKNOWN} when either period has no responses.
 */
public record NpsChange(double delta, double combinedMarginOfError, boolean significant) {

    public static final NpsChange UNKNOWN = new NpsChange(Double.NaN, Double.NaN, false);

    public boolean isKnown() {
        return !Double.isNaN(delta);
    }
}
