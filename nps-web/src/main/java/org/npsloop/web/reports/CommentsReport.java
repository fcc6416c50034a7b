package org.npsloop.web.reports;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.themes.ThemeService.AssignedTheme;
import org.npsloop.reporting.themes.ThemeService.Comment;
import org.npsloop.reporting.themes.ThemeService.CommentQuery;
import org.npsloop.reporting.themes.ThemeService.Theme;
import org.npsloop.reporting.themes.ThemeService.ThemeCount;
import org.npsloop.reporting.themes.ThemeService.ThemeCounts;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.ReportDays;
import org.npsloop.web.ui.UiTexts;

/**
 * Reports → Comments: theme counts split by category (chart and table) for the report filter, and the
 * comments one database page at a time, where a person adds or removes themes.
 */
@Named
@ViewScoped
public class CommentsReport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ThemeService themes;

    @Inject
    private ReportService reports;

    @Inject
    private ReportDays days;

    @Inject
    private CurrentUser currentUser;

    /** The report filters, as on the dashboard; by default every answer, as this page always showed. */
    private final ReportFilterForm filter = new ReportFilterForm();

    private NpsCategory category;
    private Long themeId;
    private String text;
    /** The theme picked in a row's menu, added at once. */
    private Long picked;

    private transient ThemeCounts counts;
    private transient List<Theme> allThemes;
    private transient ReportService.FilterOptions options;

    {
        filter.setPeriod(ReportFilterForm.ALL);
    }

    private final LazyDataModel<Comment> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        private long total;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, total);
        }

        @Override
        public List<Comment> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ReportFilter filter = filter();
            if (filter == null) {
                total = 0;
                setRowCount(0);
                return List.of();
            }
            try {
                ThemeService.CommentPage page = themes.comments(new CommentQuery(filter, category, themeId, text, first, pageSize));
                total = page.total();
                setRowCount((int) Math.min(Integer.MAX_VALUE, total));
                return page.comments();
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
                setRowCount(0);
                return List.of();
            }
        }

        @Override
        public String getRowKey(Comment row) {
            return String.valueOf(row.responseId());
        }
    };

    /** The filters of the URL: refused ones are named on their fields (once, when the page opens). */
    public void load() {
        try {
            filter.toFilter(days.today());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("filters:" + ReportPages.component(error.field()), UiTexts.text(error)));
        }
    }

    /** Applies the filters: a redirect to the URL that carries them. */
    public String apply() {
        return "/reports/comments?faces-redirect=true&includeViewParams=true";
    }

    /** The report filter, or null when it does not hold together ({@link #load} said why). */
    ReportFilter filter() {
        try {
            return filter.toFilter(days.today());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    public ReportFilterForm getFilter() {
        return filter;
    }

    public ReportService.FilterOptions getOptions() {
        if (options == null) {
            options = reports.options();
        }
        return options;
    }

    public ThemeCounts getCounts() {
        if (counts == null) {
            ReportFilter filter = filter();
            try {
                counts = filter == null ? new ThemeCounts(List.of(), 0, 0, 0) : themes.counts(filter);
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
                counts = new ThemeCounts(List.of(), 0, 0, 0);
            }
        }
        return counts;
    }

    /** Chart.js configuration of the stacked bars: one bar per theme, detractors, passives, promoters. */
    public String getChartJson() {
        var bundle = FacesContext.getCurrentInstance().getApplication()
                .getResourceBundle(FacesContext.getCurrentInstance(), "msg");
        return ChartJson.themeCounts(getCounts().themes(), getLanguage(), bundle.getString("category.DETRACTOR"),
                bundle.getString("category.PASSIVE"), bundle.getString("category.PROMOTER"));
    }

    /** Share of the commented responses of a category that mention the theme, in whole percent. */
    public long share(long count, long of) {
        return of == 0 ? 0 : Math.round(count * 100.0 / of);
    }

    /** The chart is as tall as its bars. */
    public int getChartHeight() {
        return 80 + 36 * Math.max(1, getCounts().themes().size());
    }

    /** A filter changed: counts again, comments from the first page. */
    public void filtered() {
        counts = null;
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":comments:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    /** Clicking a theme's row: its comments. */
    public void showTheme(long id) {
        themeId = id;
        filtered();
    }

    public void addPicked(Comment comment) {
        if (picked != null) {
            change(() -> themes.tag(comment.responseId(), picked, currentUser.getUsername()));
            picked = null;
        }
    }

    public void remove(Comment comment, AssignedTheme theme) {
        change(() -> themes.untag(comment.responseId(), theme.themeId(), currentUser.getUsername()));
    }

    private void change(Runnable change) {
        try {
            change.run();
            counts = null;
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    /** The themes a comment does not have yet, for its menu. */
    public List<Theme> missing(Comment comment) {
        return getThemes().stream().filter(t -> comment.themes().stream().noneMatch(a -> a.themeId() == t.id())).toList();
    }

    public List<Theme> getThemes() {
        if (allThemes == null) {
            allThemes = themes.themes();
        }
        return allThemes;
    }

    public String label(Theme theme) {
        return theme.label(getLanguage());
    }

    public String label(AssignedTheme theme) {
        return theme.label(getLanguage());
    }

    public String label(ThemeCount count) {
        return count.label(getLanguage());
    }

    private static Language getLanguage() {
        return Language.of(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }


    public LazyDataModel<Comment> getModel() {
        return model;
    }

    public NpsCategory[] getCategories() {
        return new NpsCategory[] {NpsCategory.PROMOTER, NpsCategory.PASSIVE, NpsCategory.DETRACTOR};
    }

    public NpsCategory getCategory() {
        return category;
    }

    public void setCategory(NpsCategory category) {
        this.category = category;
    }

    public Long getThemeId() {
        return themeId;
    }

    public void setThemeId(Long themeId) {
        this.themeId = themeId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getPicked() {
        return picked;
    }

    public void setPicked(Long picked) {
        this.picked = picked;
    }
}
