package org.npsloop.reporting.report;

import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;

/**
 * What the internal report, the digest and the customer-facing synthesis show beside the figures of
 * {@link ReportService}: the themes people talk about and how far the follow-ups of detractors went.
 * One seam so that these documents need not know how themes and follow-ups are stored.
 */
public interface ReportSections {

    /** The most mentioned themes among the filter's comments, most mentioned first, labelled in the language. */
    List<ThemeCount> topThemes(ReportFilter filter, Language language, int limit);

    /** Follow-ups of the responses the filter selects. */
    FollowUpSummary followUps(ReportFilter filter);

    /** How many comments of each category mention a theme. */
    record ThemeCount(long themeId, String label, long promoters, long passives, long detractors) {

        public long total() {
            return promoters + passives + detractors;
        }
    }

    /** Follow-ups by status; {@code overdue} counts the unresolved ones past their due date. */
    record FollowUpSummary(long newOnes, long contacted, long resolved, long overdue) {

        public long total() {
            return newOnes + contacted + resolved;
        }
    }
}
