package org.npsloop.reporting.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.ScoreDistribution;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.reporting.ReportFilter;

/**
 * Every figure of the dashboard for one filter: the NPS with its margin of error, the 0-10
 * distribution, the response rate, the change since the previous period of the same length and the
 * trend, all computed from the same responses.
 */
public record Dashboard(ReportFilter filter, ScoreDistribution distribution, ResponseRate responseRate,
        Optional<PeriodComparison> comparison, TrendGranularity granularity, List<TrendPoint> trend) {

    public Dashboard {
        trend = List.copyOf(trend);
    }

    public NpsResult nps() {
        return distribution.toNps();
    }

    /** Email invitations sent (first sends, not reminders) and how many of their recipients answered. */
    public record ResponseRate(long invited, long responded) {

        /** In percent; empty when nobody was invited. */
        public Optional<Double> percent() {
            return invited == 0 ? Optional.empty() : Optional.of(100.0 * responded / invited);
        }
    }

    /** The period just before the filter's, as long as it, and whether the NPS changed significantly since. */
    public record PeriodComparison(LocalDate previousFrom, LocalDate previousTo, NpsResult previous, NpsChange change) {
    }

    /** One period of the trend (days from {@code start} to {@code end}, both included). */
    public record TrendPoint(LocalDate start, LocalDate end, NpsResult nps, NpsChange changeFromPrevious) {
    }
}
