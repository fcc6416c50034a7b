package org.npsloop.reporting.benchmark;

import java.util.List;
import org.npsloop.domain.nps.NpsChange;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.reporting.ReportFilter;

/**
 * Each segment and each journey moment against the company as a whole over the same period.
 *
 * <p>The difference is tested as the dashboard tests a change between two periods ({@link NpsResult#changeSince}):
 * significant when it exceeds the combined 95% margin of error of the group and the company. The group is part of
 * the company, which makes this test cautious: a difference it calls significant is one.
 *
 * @param filter the page's filter; each group's answers are those it selects, with the group's segment or moment
 * @param company the filter the overall NPS was counted with: the period and the suspected-bots toggle alone
 * @param overall the company's NPS over that period
 */
public record InternalBenchmarks(ReportFilter filter, ReportFilter company, NpsResult overall, List<Row> segments,
        List<Row> moments) {

    public InternalBenchmarks {
        segments = List.copyOf(segments);
        moments = List.copyOf(moments);
    }

    /**
     * One group.
     *
     * @param key the segment id or the journey moment, as the report filters take it
     */
    public record Row(String key, String label, NpsResult nps, NpsChange difference) {

        /** At least {@link NpsResult#MIN_CONCLUSIVE_RESPONSES} answers in the group. */
        public boolean isConclusive() {
            return nps.isConclusive();
        }

        /** Conclusive, and the difference exceeds the combined margin of error. */
        public boolean isSignificant() {
            return isConclusive() && difference.significant();
        }
    }
}
