package org.npsloop.web.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.reporting.drilldown.ChoiceDistribution;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;

/**
 * The drill-down figures as JSON. Counts are exact; means and their margins are rounded half-up to two decimals (a
 * 1-5 mean needs them), NPS figures and percentages to one as in {@link ReportJson}. A figure that does not exist (the
 * mean of no rating, the interval of one) is left out rather than written as 0.
 */
public final class DrillDownJson {

    private DrillDownJson() {
    }

    /** Ratings of one touchpoint on one scale; {@code conclusive} is false below 30 ratings. */
    public record Summary(long n, Double mean, Double marginOfError, Double lower, Double upper, boolean conclusive) {
    }

    public record Point(LocalDate start, LocalDate end, Summary ratings) {
    }

    /** @param highFrom the lowest rating counted high by the key drivers (4 of 1-5, 8 of 0-10) */
    public record Touchpoint(String touchpoint, String labelEn, String labelFr, String scale, int scaleMin, int scaleMax,
            int highFrom, Summary ratings, List<Point> trend) {
    }

    public record TouchpointsJson(LocalDate from, LocalDate to, String granularity, List<Touchpoint> touchpoints) {
    }

    /** NPS of the high raters minus that of the low raters, and the combined 95% margin of error of the two. */
    public record Difference(double delta, double combinedMarginOfError) {
    }

    /**
     * @param difference absent when a group is empty
     * @param significant conclusive (30 respondents in each group) and the difference beyond its margin of error
     */
    public record DriverJson(int rank, String touchpoint, String labelEn, String labelFr, String scale, int highFrom,
            ReportJson.Nps high, ReportJson.Nps low, Difference difference, boolean conclusive, boolean significant) {
    }

    public record DriversJson(List<DriverJson> drivers) {
    }

    /** A count of one category and its share of that category's respondents to the question. */
    public record Share(long count, Double percent) {
    }

    public record OptionJson(String code, String labelEn, String labelFr, long total, Double percent, Share promoters,
            Share passives, Share detractors) {
    }

    public record Answered(long promoters, long passives, long detractors, long total) {
    }

    public record QuestionJson(long questionId, String survey, String kind, String textEn, String textFr, Answered answered,
            List<OptionJson> options) {
    }

    public record ChoicesJson(List<QuestionJson> questions) {
    }

    public static TouchpointsJson of(TouchpointRatings ratings) {
        return new TouchpointsJson(ratings.filter().from(), ratings.filter().to(), ratings.granularity().name(),
                ratings.rows().stream().map(row -> new Touchpoint(row.touchpoint(), row.labelEn(), row.labelFr(),
                        row.scale().name(), row.scale().min(), row.scale().max(), row.scale().highFrom(), summary(row.summary()),
                        row.trend().stream().map(p -> new Point(p.start(), p.end(), summary(p.summary()))).toList())).toList());
    }

    public static Summary summary(RatingSummary s) {
        return new Summary(s.n(), s.mean().map(DrillDownJson::round2).orElse(null),
                s.marginOfError().map(DrillDownJson::round2).orElse(null), s.lower().map(DrillDownJson::round2).orElse(null),
                s.upper().map(DrillDownJson::round2).orElse(null), s.isConclusive());
    }

    public static DriversJson drivers(List<Driver> drivers) {
        List<DriverJson> rows = new ArrayList<>();
        for (Driver d : drivers) {
            rows.add(new DriverJson(rows.size() + 1, d.touchpoint(), d.labelEn(), d.labelFr(), d.scale().name(),
                    d.scale().highFrom(), ReportJson.nps(d.driver().high()), ReportJson.nps(d.driver().low()),
                    difference(d.driver().difference()), d.driver().isConclusive(), d.driver().isSignificant()));
        }
        return new DriversJson(rows);
    }

    private static Difference difference(NpsChange change) {
        return change.isKnown()
                ? new Difference(ReportJson.round(change.delta()), ReportJson.round(change.combinedMarginOfError())) : null;
    }

    public static ChoicesJson choices(List<ChoiceDistribution> distributions) {
        return new ChoicesJson(distributions.stream().map(q -> new QuestionJson(q.questionId(), q.surveyName(), q.kind().name(),
                q.textEn(), q.textFr(), new Answered(q.answered().promoters(), q.answered().passives(),
                        q.answered().detractors(), q.answered().responses()),
                q.options().stream().map(o -> new OptionJson(o.code(), o.labelEn(), o.labelFr(), o.total(),
                        q.percent(o).map(ReportJson::round).orElse(null), share(q, o, NpsCategory.PROMOTER),
                        share(q, o, NpsCategory.PASSIVE), share(q, o, NpsCategory.DETRACTOR))).toList())).toList());
    }

    private static Share share(ChoiceDistribution q, ChoiceDistribution.Option o, NpsCategory category) {
        return new Share(ChoiceDistribution.count(o.chosenBy(), category), q.percent(o, category).map(ReportJson::round).orElse(null));
    }

    /** Half-up to two decimals; -0.0 becomes 0.0. */
    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue() + 0.0;
    }
}
