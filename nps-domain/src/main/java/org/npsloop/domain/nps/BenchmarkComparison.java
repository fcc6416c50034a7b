package org.npsloop.domain.nps;

import java.util.Objects;
import java.util.Optional;

/**
 * The company's NPS next to a reference NPS (a sector's, typed in from a source): the difference in points, and
 * whether it is beyond the company's 95% margin of error.
 *
 * <p>The reference is taken as a fixed value: its own sampling error is unknown (sources rarely publish their n), so
 * only the company's margin, {@link NpsResult#marginOfError()}, counts. The difference is beyond the margin when
 * {@code |company - reference| > margin}; below {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} answers the comparison is
 * shown but called not conclusive, exactly as the dashboard's NPS is.
 *
 * @param company the company's counts over the period compared
 * @param reference the reference NPS, from -100 to +100
 */
public record BenchmarkComparison(NpsResult company, double reference) {

    /** What a reader is told. */
    public enum Verdict {
        /** Nobody answered: nothing to compare. */
        NO_RESPONSES,
        /** Fewer than {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} answers. */
        NOT_CONCLUSIVE,
        /** The difference exceeds the company's margin of error. */
        BEYOND_MARGIN,
        /** The difference is within the company's margin of error: no real difference can be claimed. */
        WITHIN_MARGIN
    }

    public BenchmarkComparison {
        Objects.requireNonNull(company, "company");
        if (Double.isNaN(reference) || reference < -100 || reference > 100) {
            throw new IllegalArgumentException("A reference NPS is from -100 to +100, not " + reference);
        }
    }

    /** Company NPS minus the reference, in points; empty when nobody answered. */
    public Optional<Double> difference() {
        return company.score().map(score -> score - reference);
    }

    /** The company's 95% margin of error in points; empty when nobody answered. */
    public Optional<Double> marginOfError() {
        return company.marginOfError();
    }

    /** The difference exceeds the margin of error (whatever the number of answers; see {@link #verdict()}). */
    public boolean beyondMarginOfError() {
        return difference().map(d -> Math.abs(d) > marginOfError().orElseThrow()).orElse(false);
    }

    public boolean isConclusive() {
        return company.isConclusive();
    }

    public Verdict verdict() {
        if (!company.hasResponses()) {
            return Verdict.NO_RESPONSES;
        }
        if (!isConclusive()) {
            return Verdict.NOT_CONCLUSIVE;
        }
        return beyondMarginOfError() ? Verdict.BEYOND_MARGIN : Verdict.WITHIN_MARGIN;
    }
}
