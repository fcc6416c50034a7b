package org.npsloop.reporting.report.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.reporting.followup.FollowUpService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;
import org.npsloop.reporting.themes.ThemeService;

/** The themes and follow-up sections of reports, read from the theme and follow-up services. */
@ApplicationScoped
public class DefaultReportSections implements ReportSections {

    @Inject
    private ThemeService themes;

    @Inject
    private FollowUpService followUps;

    @Override
    public List<ThemeCount> topThemes(ReportFilter filter, Language language, int limit) {
        // counts() lists every theme, most mentioned first; the unmentioned ones are no news.
        return themes.counts(filter).themes().stream().filter(theme -> theme.total() > 0).limit(Math.max(0, limit))
                .map(theme -> new ThemeCount(theme.themeId(), theme.label(language), theme.promoters(), theme.passives(),
                        theme.detractors()))
                .toList();
    }

    @Override
    public FollowUpSummary followUps(ReportFilter filter) {
        FollowUpService.StatusCounts counts = followUps.counts(filter);
        return new FollowUpSummary(counts.created(), counts.contacted(), counts.resolved(), counts.overdue());
    }
}
