package org.npsloop.domain.nps;

import java.util.Optional;

/**
 * An NPS with the counts behind it and its 95% margin of error.
 *
 * <p>With p and d the promoter and detractor shares over n responses, the variance of one answer
 * scored +1 / 0 / -1 is {@code p + d - (p - d)^2}, and the margin of error in NPS points is
 * {@code 1.96 * sqrt(variance / n) * 100}. With no responses there is no NPS at all, rather than a
 * misleading zero.
 */
public record NpsResult(long promoters, long passives, long detractors) implements java.io.Serializable {

    /** z-value of a two-sided 95% confidence interval. */
    static final double Z_95 = 1.96;

    /** Below this many responses a result is shown but called not conclusive. */
    public static final int MIN_CONCLUSIVE_RESPONSES = 30;

    public NpsResult {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("Response counts cannot be negative");
        }
    }

    public static NpsResult ofCounts(long promoters, long passives, long detractors) {
        return new NpsResult(promoters, passives, detractors);
    }

    public long responses() {
        return promoters + passives + detractors;
    }

    public boolean hasResponses() {
        return responses() > 0;
    }

    public double promoterPercent() {
        return percentOf(promoters);
    }

    public double passivePercent() {
        return percentOf(passives);
    }

    public double detractorPercent() {
        return percentOf(detractors);
    }

    /** NPS = % promoters - % detractors, from -100 to +100; empty when nobody answered. */
    public Optional<Double> score() {
        if (!hasResponses()) {
            return Optional.empty();
        }
        return Optional.of(promoterPercent() - detractorPercent());
    }

    /** Half-width of the 95% confidence interval in NPS points; empty when nobody answered. */
    public Optional<Double> marginOfError() {
        if (!hasResponses()) {
            return Optional.empty();
        }
        return Optional.of(Z_95 * Math.sqrt(variance() / responses()) * 100);
    }

    /** Variance of a single answer counted +1 (promoter), 0 (passive) or -1 (detractor). */
    double variance() {
        double n = responses();
        double p = promoters / n;
        double d = detractors / n;
        return p + d - (p - d) * (p - d);
    }

    public boolean isConclusive() {
        return responses() >= MIN_CONCLUSIVE_RESPONSES;
    }

    /**
     * Compares this (later) period with an earlier one. The change is significant only when it
     * exceeds the combined margin of error, {@code 1.96 * sqrt(var1/n1 + var2/n2) * 100}.
     */
    public NpsChange changeSince(NpsResult earlier) {
        if (!hasResponses() || !earlier.hasResponses()) {
            return NpsChange.UNKNOWN;
        }
        double delta = score().orElseThrow() - earlier.score().orElseThrow();
        double combined = Z_95 * Math.sqrt(variance() / responses() + earlier.variance() / earlier.responses()) * 100;
        return new NpsChange(delta, combined, Math.abs(delta) > combined);
    }

    private double percentOf(long count) {
        long n = responses();
        return n == 0 ? 0 : 100.0 * count / n;
    }
}
