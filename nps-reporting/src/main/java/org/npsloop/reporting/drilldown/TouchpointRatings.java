package org.npsloop.reporting.drilldown;

import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.RatingSummary;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.reporting.ReportFilter;

/** The touchpoints rated by the responses of a filter, in the touchpoints' order, 1-5 before 0-10. */
public record TouchpointRatings(ReportFilter filter, TrendGranularity granularity, List<Row> rows) {

    public TouchpointRatings {
        rows = List.copyOf(rows);
    }

    /** One touchpoint on one scale: every rating of it in scope, and the same per period of the trend. */
    public record Row(String touchpoint, String labelEn, String labelFr, RatingScale scale, RatingSummary summary,
            List<Point> trend) {

        public Row {
            trend = List.copyOf(trend);
        }

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }
    }

    /** One period (days from {@code start} to {@code end}, both included). */
    public record Point(LocalDate start, LocalDate end, RatingSummary summary) {
    }
}
