package org.npsloop.reporting.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.npsloop.domain.audience.Language;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.ReportSections;
import org.npsloop.reporting.ThemeService;

/**
 * The report sections: themes from {@link ThemeService}; follow-ups are a placeholder (none) until the
 * follow-up service lands.
 */
@ApplicationScoped
public class DefaultReportSections implements ReportSections {

    @Inject
    private ThemeService themes;

    public DefaultReportSections() {
        // for CDI
    }

    /** Outside the container (tests). */
    DefaultReportSections(ThemeService themes) {
        this.themes = themes;
    }

    /** Themes nobody in the filter mentioned are left out; ties as {@link ThemeService#counts}. */
    @Override
    public List<ThemeCount> topThemes(ReportFilter filter, Language language, int limit) {
        return themes.counts(filter).themes().stream().filter(t -> t.total() > 0).limit(Math.max(0, limit))
                .map(t -> new ThemeCount(t.themeId(), t.label(language), t.promoters(), t.passives(), t.detractors()))
                .toList();
    }

    @Override
    public FollowUpSummary followUps(ReportFilter filter) {
        return new FollowUpSummary(0, 0, 0, 0);
    }
}
