package org.npsloop.web.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.nps.BenchmarkComparison;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceView;
import org.npsloop.reporting.benchmark.InternalBenchmarks;
import org.npsloop.reporting.benchmark.ReferenceComparison;

/** Benchmarks as JSON, rounded as {@link ReportJson} rounds (one decimal, half-up; a figure that does not exist is left out). */
public final class BenchmarkJson {

    private BenchmarkJson() {
    }

    /**
     * The company's NPS over {@code from}-{@code to} (every answer of the period) against the reference:
     * {@code difference} = company - reference; {@code beyondMarginOfError} when |difference| exceeds the company's
     * margin; {@code verdict}: NO_RESPONSES, NOT_CONCLUSIVE (fewer than 30 answers), BEYOND_MARGIN or WITHIN_MARGIN.
     */
    public record Comparison(ReferenceView reference, LocalDate from, LocalDate to, boolean includeFlagged, ReportJson.Nps company,
            BigDecimal referenceNps, Double difference, Double marginOfError, boolean beyondMarginOfError, boolean conclusive,
            String verdict) {
    }

    /** One segment or journey moment against the company: {@code difference} with the combined margin, as a period change. */
    public record Group(String key, String label, ReportJson.Nps nps, ReportJson.Change difference, boolean conclusive,
            boolean significant) {
    }

    public record Internal(LocalDate from, LocalDate to, boolean includeFlagged, ReportJson.Nps overall, List<Group> segments,
            List<Group> moments) {
    }

    public static Comparison of(ReferenceComparison c) {
        BenchmarkComparison b = c.comparison();
        return new Comparison(c.reference(), c.company().from(), c.company().to(), c.company().includeFlagged(),
                ReportJson.nps(b.company()), c.reference().nps(), b.difference().map(ReportJson::round).orElse(null),
                b.marginOfError().map(ReportJson::round).orElse(null), b.beyondMarginOfError(), b.isConclusive(), b.verdict().name());
    }

    public static Internal of(InternalBenchmarks i) {
        return new Internal(i.company().from(), i.company().to(), i.company().includeFlagged(), ReportJson.nps(i.overall()),
                groups(i.segments()), groups(i.moments()));
    }

    private static List<Group> groups(List<InternalBenchmarks.Row> rows) {
        return rows.stream().map(r -> new Group(r.key(), r.label(), ReportJson.nps(r.nps()), ReportJson.change(r.difference()),
                r.isConclusive(), r.isSignificant())).toList();
    }
}
