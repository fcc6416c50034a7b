package org.npsloop.web.reports;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.drilldown.ChoiceDistribution;
import org.npsloop.reporting.drilldown.DrillDownService;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.drilldown.TouchpointRatings;
import org.npsloop.web.ui.ReportDays;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Reports → Touchpoints: the mean rating of each touchpoint with its interval and trend, the key drivers, the choices
 * by category, with the dashboard's filters in the URL; each touchpoint links to the comments of its low and high raters.
 */
@Named
@ViewScoped
public class ReportDrivers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DrillDownService drillDown;

    @Inject
    private ReportService reports;

    @Inject
    private ReportDays days;

    private final ReportFilterForm filter = new ReportFilterForm();
    private String granularity = TrendGranularity.MONTH.name();

    private transient ReportFilter shown;
    private transient TouchpointRatings touchpoints;
    private transient List<Driver> drivers;
    private transient List<ChoiceDistribution> choices;
    private transient ReportService.FilterOptions options;

    /** Reads the figures for the filters of the URL; refused filters are named on their fields. */
    public void load() {
        shown = null;
        try {
            ReportFilter f = filter.toFilter(days.today());
            touchpoints = drillDown.touchpoints(f, granularity());
            drivers = drillDown.drivers(f);
            choices = drillDown.choices(f);
            shown = f;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("filters:" + ReportPages.component(error.field()), UiTexts.text(error)));
        }
    }

    public String apply() {
        return "/reports/drivers?faces-redirect=true&includeViewParams=true";
    }

    public boolean isLoaded() {
        return shown != null;
    }

    public TouchpointRatings getTouchpoints() {
        return touchpoints;
    }

    public List<Driver> getDrivers() {
        return drivers;
    }

    public List<ChoiceDistribution> getChoices() {
        return choices;
    }

    /** The trend's periods (the same for every touchpoint), for the trend table's columns. */
    public List<TouchpointRatings.Point> getPeriods() {
        return touchpoints == null || touchpoints.rows().isEmpty() ? List.of() : touchpoints.rows().get(0).trend();
    }

    /** The comments page showing the verbatims of the touchpoint's low ({@code low}) or high raters, same filters. */
    public String verbatimsUrl(String touchpoint, String rated) {
        RatedTouchpoint to = new RatedTouchpoint(touchpoint, RatedTouchpoint.Band.valueOf(rated.toUpperCase(Locale.ROOT)));
        return "reports/comments.xhtml?" + filter.pageQuery(shown.withRated(to));
    }

    public String label(TouchpointRatings.Row row) {
        return row.label(language());
    }

    public String driverLabel(Driver driver) {
        return driver.label(language());
    }

    public String question(ChoiceDistribution question) {
        return question.text(language());
    }

    /** An option's label; yes/no answers take the page's words. */
    public String option(ChoiceDistribution.Option option) {
        return option.labelEn() == null ? Faces.getResourceBundle("msg").getString("touchpoints.choice." + option.code()) : option.label(language());
    }

    public long count(NpsResult counts, NpsCategory category) {
        return ChoiceDistribution.count(counts, category);
    }

    /** The share, or null (shown as a dash) when nobody of the category answered. */
    public Double percent(ChoiceDistribution question, ChoiceDistribution.Option option, NpsCategory category) {
        return question.percent(option, category).orElse(null);
    }

    public Double percentOfAll(ChoiceDistribution question, ChoiceDistribution.Option option) {
        return question.percent(option).orElse(null);
    }

    public int getMinConclusive() {
        return NpsResult.MIN_CONCLUSIVE_RESPONSES;
    }

    public ReportService.FilterOptions getOptions() {
        if (options == null) {
            options = reports.options();
        }
        return options;
    }

    public TrendGranularity[] getGranularities() {
        return TrendGranularity.values();
    }

    public ReportFilterForm getFilter() {
        return filter;
    }

    public String getGranularity() {
        return granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }

    /** The URL's granularity; a mistyped one becomes MONTH, in the menu too. */
    private TrendGranularity granularity() {
        TrendGranularity parsed = ReportPages.granularity(granularity);
        granularity = parsed.name();
        return parsed;
    }

    private static Language language() {
        return Language.of(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
