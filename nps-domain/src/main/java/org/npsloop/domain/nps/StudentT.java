package org.npsloop.domain.nps;

/**
 * Student's t critical value of a two-sided 95% confidence interval, computed rather than looked up so that it
 * changes smoothly with n (a table that jumps to 1.96 after df 30 would shrink every interval by 4% at n = 32).
 *
 * <p>Up to {@value #EXACT_UP_TO} degrees of freedom it inverts, by bisection, the exact distribution of |T| for an
 * integer df (Abramowitz &amp; Stegun 26.7.3 and 26.7.4, with {@code θ = atan(t / sqrt(df))}): for odd df
 * {@code P(|T| ≤ t) = 2/π (θ + sinθ (cosθ + 2/3 cos³θ + … + (2·4…(df-3))/(1·3…(df-2)) cos^(df-2)θ))}, for even df
 * {@code P(|T| ≤ t) = sinθ (1 + 1/2 cos²θ + … + (1·3…(df-3))/(2·4…(df-2)) cos^(df-2)θ)}. Beyond, the Cornish-Fisher
 * expansion around z = 1.959964 (four terms) agrees with it to better than 1e-13.
 */
final class StudentT {

    static final int EXACT_UP_TO = 1000;

    /** The 97.5% quantile of the standard normal distribution. */
    private static final double Z_975 = 1.959963984540054;

    private StudentT() {
    }

    /** t such that P(|T| ≤ t) = 0.95 for T with the given degrees of freedom (at least 1). */
    static double criticalValue95(long degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("Degrees of freedom must be at least 1; got " + degreesOfFreedom);
        }
        if (degreesOfFreedom > EXACT_UP_TO) {
            return cornishFisher(degreesOfFreedom);
        }
        // P(|T| <= t) grows with t; the answer lies below 12.71 (df = 1).
        double low = 0;
        double high = 13;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (centralProbability(mid, degreesOfFreedom) < 0.95) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(|T| ≤ t) for an integer df (A&amp;S 26.7.3 / 26.7.4). */
    static double centralProbability(double t, long degreesOfFreedom) {
        double theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
        double cosSquared = Math.cos(theta) * Math.cos(theta);
        double sum = 0;
        if (degreesOfFreedom % 2 == 1) {
            double term = Math.cos(theta);
            for (long k = 3; k <= degreesOfFreedom; k += 2) {
                sum += term;
                term *= cosSquared * (k - 1) / k;
            }
            return 2 / Math.PI * (theta + Math.sin(theta) * sum);
        }
        double term = 1;
        for (long k = 2; k <= degreesOfFreedom; k += 2) {
            sum += term;
            term *= cosSquared * (k - 1) / k;
        }
        return Math.sin(theta) * sum;
    }

    private static double cornishFisher(long degreesOfFreedom) {
        double v = degreesOfFreedom;
        double z = Z_975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        return z + (z3 + z) / (4 * v)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
