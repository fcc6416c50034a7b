package org.npsloop.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;

/**
 * Everything the internal report shows for one filter: the dashboard figures, the breakdowns by journey
 * moment and by campaign, the touchpoint ratings and key drivers, the top themes, recent verbatims of each
 * category and the follow-up status.
 * Verbatims name the contact only by first name and id (it is an internal document), never by email.
 */
public record InternalReport(ReportFilter filter, LocalDate from, LocalDate to, Language language, ZoneId zone,
        Instant generatedAt, Dashboard dashboard, Breakdown byMoment, Breakdown byCampaign,
        List<ReportSections.ThemeCount> themes, ReportSections.FollowUpSummary followUps,
        Map<NpsCategory, List<Verbatim>> verbatims, List<TouchpointRatings.Row> touchpoints, List<Driver> drivers) {

    public InternalReport {
        themes = List.copyOf(themes);
        verbatims = Map.copyOf(verbatims);
        touchpoints = List.copyOf(touchpoints);
        drivers = List.copyOf(drivers);
    }

    /** A report of responses without touchpoint ratings. */
    public InternalReport(ReportFilter filter, LocalDate from, LocalDate to, Language language, ZoneId zone,
            Instant generatedAt, Dashboard dashboard, Breakdown byMoment, Breakdown byCampaign,
            List<ReportSections.ThemeCount> themes, ReportSections.FollowUpSummary followUps,
            Map<NpsCategory, List<Verbatim>> verbatims) {
        this(filter, from, to, language, zone, generatedAt, dashboard, byMoment, byCampaign, themes, followUps, verbatims,
                List.of(), List.of());
    }

    /** The verbatims of one category, newest first (empty when none). */
    public List<Verbatim> verbatims(NpsCategory category) {
        return verbatims.getOrDefault(category, List.of());
    }

    /**
     * A comment as the report quotes it: email addresses typed in it are masked.
     *
     * @param contactId null once the contact was erased
     */
    public record Verbatim(long responseId, Instant respondedAt, int score, String comment, Long contactId,
            String firstName) {
    }
}
