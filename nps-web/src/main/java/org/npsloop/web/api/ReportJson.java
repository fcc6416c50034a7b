package org.npsloop.web.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;

/**
 * The aggregates as JSON. Counts are exact; NPS, margins of error, deltas and percentages are rounded
 * half-up to one decimal (what the pages show). A figure that does not exist (NPS of nobody, a rate
 * without invitations) is left out rather than written as 0.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** One NPS with the counts behind it; {@code conclusive} is false below 30 responses. */
    public record Nps(long responses, long promoters, long passives, long detractors, Double promoterPercent,
            Double passivePercent, Double detractorPercent, Double nps, Double marginOfError, boolean conclusive) {
    }

    public record Change(Double delta, Double combinedMarginOfError, boolean significant) {
    }

    public record ScoreCount(int score, long count, Double percent) {
    }

    public record Rate(long invited, long responded, Double percent) {
    }

    public record Comparison(LocalDate previousFrom, LocalDate previousTo, Nps previous, Change change) {
    }

    public record TrendPoint(LocalDate start, LocalDate end, Nps nps, Change changeFromPrevious) {
    }

    public record DashboardJson(LocalDate from, LocalDate to, Nps nps, List<ScoreCount> distribution, Rate responseRate,
            Comparison comparison, String granularity, List<TrendPoint> trend) {
    }

    public record Row(String key, String label, Nps nps) {
    }

    public record BreakdownJson(String dimension, String attribute, List<Row> rows) {
    }

    public static DashboardJson of(Dashboard d) {
        ScoreDistribution dist = d.distribution();
        List<ScoreCount> scores = IntStream.rangeClosed(0, 10)
                .mapToObj(s -> new ScoreCount(s, dist.count(s), dist.total() == 0 ? null : round(dist.percent(s)))).toList();
        Rate rate = new Rate(d.responseRate().invited(), d.responseRate().responded(),
                d.responseRate().percent().map(ReportJson::round).orElse(null));
        Comparison comparison = d.comparison().map(c -> new Comparison(c.previousFrom(), c.previousTo(), nps(c.previous()),
                change(c.change()))).orElse(null);
        List<TrendPoint> trend = d.trend().stream()
                .map(p -> new TrendPoint(p.start(), p.end(), nps(p.nps()), change(p.changeFromPrevious()))).toList();
        return new DashboardJson(d.filter().from(), d.filter().to(), nps(d.nps()), scores, rate, comparison,
                d.granularity().name(), trend);
    }

    public static BreakdownJson of(Breakdown b) {
        return new BreakdownJson(b.dimension().name(), b.attribute(),
                b.rows().stream().map(r -> new Row(r.key(), r.label(), nps(r.nps()))).toList());
    }

    public static Nps nps(NpsResult r) {
        boolean any = r.hasResponses();
        return new Nps(r.responses(), r.promoters(), r.passives(), r.detractors(), any ? round(r.promoterPercent()) : null,
                any ? round(r.passivePercent()) : null, any ? round(r.detractorPercent()) : null,
                r.score().map(ReportJson::round).orElse(null), r.marginOfError().map(ReportJson::round).orElse(null),
                r.isConclusive());
    }

    /** Null when either side had no responses. */
    public static Change change(NpsChange c) {
        if (c == null || !c.isKnown()) {
            return null;
        }
        return new Change(round(c.delta()), round(c.combinedMarginOfError()), c.significant());
    }

    /** Half-up to one decimal; -0.0 becomes 0.0. */
    public static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue() + 0.0;
    }
}
