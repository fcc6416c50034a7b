package org.npsloop.web.reports;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.ReportDays;

/** NPS side by side by one dimension (moment, campaign, attribute, language, channel), with the dashboard's filters in the URL. */
@Named
@ViewScoped
public class ReportBreakdowns implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportService reports;

    @Inject
    private ReportDays days;

    private final ReportFilterForm filter = new ReportFilterForm();
    private String dimension = Breakdown.Dimension.JOURNEY_MOMENT.name();
    /** The attribute broken down by, for ATTRIBUTE. */
    private String by;

    private transient Breakdown breakdown;
    private transient ReportService.FilterOptions options;

    public void load() {
        breakdown = null;
        try {
            Breakdown.Dimension d = dimension();
            if (d == Breakdown.Dimension.ATTRIBUTE && (by == null || by.isBlank())) {
                if (getOptions().attributes().isEmpty()) {
                    throw new InvalidInputException("by", text("reports.breakdown.noAttributes"));
                }
                by = getOptions().attributes().get(0).name();
            }
            breakdown = reports.breakdown(filter.toFilter(today()), d, d == Breakdown.Dimension.ATTRIBUTE ? by : null);
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("filters:" + ("by".equals(error.field()) ? "by"
                    : ReportPages.component(error.field())), UiTexts.text(error)));
        }
    }

    public String apply() {
        return "/reports/breakdowns?faces-redirect=true&includeViewParams=true";
    }

    public Breakdown getBreakdown() {
        return breakdown;
    }

    public String getChart() {
        return ChartJson.breakdown(breakdown, text("reports.breakdown.interval"), text("reports.nps"));
    }

    /** Width of the visual bar for a row: the NPS from -100 to +100 as 0 to 100 % of the cell. */
    public double barStart(NpsResult nps) {
        return nps.score().map(s -> (Math.min(s, 0) + 100) / 2).orElse(50.0);
    }

    public double barWidth(NpsResult nps) {
        return nps.score().map(s -> Math.abs(s) / 2).orElse(0.0);
    }

    public Breakdown.Dimension[] getDimensions() {
        return Breakdown.Dimension.values();
    }

    public ReportService.FilterOptions getOptions() {
        if (options == null) {
            options = reports.options();
        }
        return options;
    }

    public ReportFilterForm getFilter() {
        return filter;
    }

    public String getDimension() {
        return dimension;
    }

    public void setDimension(String dimension) {
        this.dimension = dimension;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public boolean isByAttribute() {
        return dimension() == Breakdown.Dimension.ATTRIBUTE;
    }

    public int getMinConclusive() {
        return NpsResult.MIN_CONCLUSIVE_RESPONSES;
    }

    private Breakdown.Dimension dimension() {
        try {
            return Breakdown.Dimension.valueOf(dimension == null ? "" : dimension.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            dimension = Breakdown.Dimension.JOURNEY_MOMENT.name();
            return Breakdown.Dimension.JOURNEY_MOMENT;
        }
    }

    private LocalDate today() {
        return days.today();
    }

    private static String text(String key) {
        ResourceBundle bundle = Faces.getResourceBundle("msg");
        return bundle.getString(key);
    }
}
