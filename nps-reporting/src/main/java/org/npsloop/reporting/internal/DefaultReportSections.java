package org.npsloop.reporting.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.ReportSections;

/**
 * Placeholder until the theme and follow-up services exist: no themes, no follow-ups. Replaced by the
 * implementation that reads them once they land.
 */
@ApplicationScoped
public class DefaultReportSections implements ReportSections {

    @Override
    public List<ThemeCount> topThemes(ReportFilter filter, Language language, int limit) {
        return List.of();
    }

    @Override
    public FollowUpSummary followUps(ReportFilter filter) {
        return new FollowUpSummary(0, 0, 0, 0);
    }
}
