package org.npsloop.domain.nps;

import java.util.Arrays;
import java.util.Optional;

/**
 * The mean of n ratings (a touchpoint's, on 1-5 or 0-10) with its 95% confidence interval, kept as the three
 * moments SQL returns: {@code n = COUNT(r)}, {@code sum = SUM(r)}, {@code sumOfSquares = SUM(r * r)}.
 *
 * <p>mean = sum / n; sample standard deviation s = sqrt((sumOfSquares - sum * mean) / (n - 1)); margin of error =
 * t * s / sqrt(n), with t Student's two-sided 95% critical value for n - 1 degrees of freedom, computed exactly
 * (12.706 at n = 2, 2.045 at n = 30, 1.962 at n = 1001, towards 1.960): for small groups the normal 1.96 would
 * draw the interval too narrow. With no ratings there is no mean; with one there is a mean but no spread, hence
 * no standard deviation and no interval, rather than a misleading zero.
 */
public record RatingSummary(long n, double sum, double sumOfSquares) {

    public RatingSummary {
        if (n < 0 || !Double.isFinite(sum) || !Double.isFinite(sumOfSquares) || sumOfSquares < 0) {
            throw new IllegalArgumentException(
                    "Invalid rating moments: n=" + n + ", sum=" + sum + ", sumOfSquares=" + sumOfSquares);
        }
        if (n == 0 && (sum != 0 || sumOfSquares != 0)) {
            throw new IllegalArgumentException("No ratings cannot have a sum: sum=" + sum + ", sumOfSquares="
                    + sumOfSquares);
        }
        // By Cauchy-Schwarz sumOfSquares >= sum^2 / n; allow rounding, refuse moments no ratings can have.
        if (n > 0 && sumOfSquares - sum * (sum / n) < -1e-9 * Math.max(1, sumOfSquares)) {
            throw new IllegalArgumentException("Inconsistent rating moments: n=" + n + ", sum=" + sum
                    + ", sumOfSquares=" + sumOfSquares);
        }
    }

    /**
     * From how many ratings each value received.
     *
     * @param min the lowest value of the scale
     * @param counts counts[i] is the number of ratings equal to min + i; non-negative
     */
    public static RatingSummary ofCounts(int min, long[] counts) {
        long n = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Counts cannot be negative: " + Arrays.toString(counts));
            }
            double value = min + i;
            n += counts[i];
            sum += counts[i] * value;
            sumOfSquares += counts[i] * value * value;
        }
        return new RatingSummary(n, sum, sumOfSquares);
    }

    /** From COUNT, SUM and SUM of squares as a query returns them (SQL's null sums of no rows passed as 0). */
    public static RatingSummary ofMoments(long n, double sum, double sumOfSquares) {
        return new RatingSummary(n, sum, sumOfSquares);
    }

    /** Mean rating; empty with no ratings. */
    public Optional<Double> mean() {
        return n == 0 ? Optional.empty() : Optional.of(sum / n);
    }

    /** Sample standard deviation (divisor n - 1); empty below two ratings. */
    public Optional<Double> standardDeviation() {
        if (n < 2) {
            return Optional.empty();
        }
        // Equal ratings can leave a rounding residue of either sign: no spread is zero, never NaN.
        double squaredDeviations = Math.max(0, sumOfSquares - sum * (sum / n));
        return Optional.of(Math.sqrt(squaredDeviations / (n - 1)));
    }

    /** Half-width of the 95% confidence interval of the mean, t(n-1) * s / sqrt(n); empty below two ratings. */
    public Optional<Double> marginOfError() {
        return standardDeviation().map(s -> StudentT.criticalValue95(n - 1) * s / Math.sqrt(n));
    }

    /** mean - marginOfError; not clamped to the scale (a wide interval of few ratings may pass its ends). */
    public Optional<Double> lower() {
        return marginOfError().map(margin -> sum / n - margin);
    }

    /** mean + marginOfError; not clamped to the scale. */
    public Optional<Double> upper() {
        return marginOfError().map(margin -> sum / n + margin);
    }

    /** Same threshold as an NPS: {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} ratings. */
    public boolean isConclusive() {
        return n >= NpsResult.MIN_CONCLUSIVE_RESPONSES;
    }
}
