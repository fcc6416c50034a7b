package org.npsloop.web.reports;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.dashboard.AnnotationService;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationInput;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationView;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.benchmark.BenchmarkService;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceView;
import org.npsloop.reporting.benchmark.InternalBenchmarks;
import org.npsloop.reporting.benchmark.ReferenceComparison;
import org.npsloop.domain.nps.BenchmarkComparison;
import java.text.MessageFormat;
import java.util.NoSuchElementException;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.ReportDays;

/**
 * The reports dashboard: filters in the URL (so a view can be shared), every figure from one
 * {@link ReportService#dashboard} call, and the notes on the trend.
 */
@Named
@ViewScoped
public class ReportDashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportService reports;

    @Inject
    private AnnotationService annotations;

    @Inject
    private ReportDays days;

    @Inject
    private BenchmarkService benchmarks;

    @Inject
    private CurrentUser currentUser;

    private final ReportFilterForm filter = new ReportFilterForm();
    private String granularity = TrendGranularity.MONTH.name();

    private transient Dashboard dashboard;
    /** The filters of the URL were accepted. */
    private boolean valid;
    private transient List<AnnotationView> notes;
    private transient ReportService.FilterOptions options;

    /** The benchmark reference compared with (URL parameter {@code benchmark}), none when null. */
    private Long benchmark;
    private transient List<ReferenceView> references;
    private transient ReferenceComparison comparison;
    private transient InternalBenchmarks internal;

    /** The note being written: a new one when {@code editing} is null. */
    private Long editing;
    private LocalDate noteDay;
    private String noteText;

    /** Reads the figures for the filters of the URL; refused filters are named on their fields. */
    public void load() {
        dashboard = null;
        valid = false;
        try {
            dashboard = reports.dashboard(filter.toFilter(today()), granularity());
            valid = true;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("filters:" + ReportPages.component(error.field()), UiTexts.text(error)));
        }
        notes = null;
        comparison = null;
        internal = null;
        if (valid && benchmark != null) {
            try {
                comparison = benchmarks.compare(benchmark, dashboard.filter());
            } catch (NoSuchElementException e) {
                // A reference deleted since the link was made.
                Messages.addError("filters:benchmark", UiTexts.text(e));
                benchmark = null;
            }
        }
    }

    // Benchmarks.

    /** The references to choose from, as the benchmarks page lists them. */
    public List<ReferenceView> getReferences() {
        if (references == null) {
            references = benchmarks.references();
        }
        return references;
    }

    /** "Retail banking, France, 2025, Annual study": what a reference is, in the selector and the comparison. */
    public String referenceLabel(ReferenceView reference) {
        StringBuilder label = new StringBuilder(reference.sector());
        if (reference.region() != null) {
            label.append(", ").append(reference.region());
        }
        return label.append(", ").append(reference.year()).append(", ").append(reference.source()).toString();
    }

    /** A reference's label cut to {@value #CHOICE_LENGTH} characters, so that the selector keeps the filters on a line. */
    public String choiceLabel(ReferenceView reference) {
        String label = referenceLabel(reference);
        return label.length() <= CHOICE_LENGTH ? label : label.substring(0, CHOICE_LENGTH - 1) + "…";
    }

    private static final int CHOICE_LENGTH = 60;

    /** The company's NPS over the period against the chosen reference; null when none is chosen. */
    public ReferenceComparison getComparison() {
        if (comparison == null && valid && benchmark != null) {
            comparison = benchmarks.compare(benchmark, filter.toFilter(today()));
        }
        return comparison;
    }

    /** "Company NPS +30.0 vs reference +20.0 (...): difference +10.0 points, within the margin of error (± 15.3)". */
    public String getComparisonText() {
        ReferenceComparison c = getComparison();
        if (c == null) {
            return null;
        }
        BenchmarkComparison b = c.comparison();
        Locale locale = UiTexts.locale();
        String verdict = format("benchmark.verdict." + b.verdict().name(), locale,
                b.marginOfError().orElse(0.0), NpsResult.MIN_CONCLUSIVE_RESPONSES);
        if (b.difference().isEmpty()) {
            return format("benchmark.comparison.noResponses", locale, c.reference().nps(), referenceLabel(c.reference()), verdict);
        }
        return format("benchmark.comparison", locale, b.company().score().orElseThrow(), c.reference().nps(),
                referenceLabel(c.reference()), b.difference().orElseThrow(), verdict);
    }

    /** Each segment and journey moment against the company; loaded after the page (a query per segment). */
    public InternalBenchmarks getInternal() {
        if (internal == null && valid) {
            // The filter alone: the deferred request that asks for these has not the (transient) dashboard to reuse.
            internal = benchmarks.internal(filter.toFilter(today()));
        }
        return internal;
    }

    /** The two tables of the internal benchmarks: segments, then journey moments. */
    public List<GroupTable> getInternalTables() {
        InternalBenchmarks i = getInternal();
        return i == null ? List.of() : List.of(new GroupTable("segments", i.segments()), new GroupTable("moments", i.moments()));
    }

    /** @param kind {@code segments} or {@code moments}: the table's title key and CSS class */
    public record GroupTable(String kind, List<InternalBenchmarks.Row> rows) {
    }

    public Long getBenchmark() {
        return benchmark;
    }

    public void setBenchmark(Long benchmark) {
        this.benchmark = benchmark;
    }

    private static String format(String key, Locale locale, Object... arguments) {
        return new MessageFormat(Faces.getResourceBundle("msg").getString(key), locale).format(arguments);
    }

    /** Applies the filters: a redirect to the URL that carries them. */
    public String apply() {
        return "/reports/index?faces-redirect=true&includeViewParams=true";
    }

    /** Computed again after a note changed or when the view was restored without its (transient) figures. */
    public Dashboard getDashboard() {
        if (dashboard == null && valid) {
            dashboard = reports.dashboard(filter.toFilter(today()), granularity());
        }
        return dashboard;
    }

    public boolean isLoaded() {
        return valid;
    }

    public NpsResult getNps() {
        return getDashboard().nps();
    }

    public record CategoryRow(NpsCategory category, long count, double percent) {
    }

    public List<CategoryRow> getCategories() {
        NpsResult nps = getNps();
        return List.of(new CategoryRow(NpsCategory.PROMOTER, nps.promoters(), nps.promoterPercent()),
                new CategoryRow(NpsCategory.PASSIVE, nps.passives(), nps.passivePercent()),
                new CategoryRow(NpsCategory.DETRACTOR, nps.detractors(), nps.detractorPercent()));
    }

    public record ScoreRow(int score, NpsCategory category, long count, double percent) {
    }

    public List<ScoreRow> getScores() {
        return IntStream.rangeClosed(0, 10).mapToObj(s -> new ScoreRow(s, NpsCategory.of(s),
                getDashboard().distribution().count(s), getDashboard().distribution().percent(s))).toList();
    }

    public String getDistributionChart() {
        return ChartJson.distribution(getDashboard().distribution(), text("reports.responses"));
    }

    public String getTrendChart() {
        return ChartJson.trend(getDashboard().trend(), getNotes(), text("reports.nps"), text("reports.trend.upper"),
                text("reports.trend.lower"), text("reports.notes"));
    }

    /** Notes dated within the trend (or the filter's period when the trend is empty). */
    public List<AnnotationView> getNotes() {
        if (notes == null) {
            Dashboard d = getDashboard();
            List<Dashboard.TrendPoint> trend = d == null ? List.of() : d.trend();
            LocalDate from = trend.isEmpty() ? (d == null ? null : d.filter().from()) : trend.get(0).start();
            LocalDate to = trend.isEmpty() ? (d == null ? null : d.filter().to()) : trend.get(trend.size() - 1).end();
            notes = annotations.between(from, to);
        }
        return notes;
    }

    /** The notes falling in one trend period, for the trend table. */
    public String notesOf(Dashboard.TrendPoint point) {
        return getNotes().stream().filter(n -> !n.day().isBefore(point.start()) && !n.day().isAfter(point.end()))
                .map(AnnotationView::text).collect(Collectors.joining(" · "));
    }

    /** The same figures as JSON, for the link under the dashboard. */
    public String getApiUrl() {
        StringBuilder url = new StringBuilder("api/reports/dashboard?granularity=").append(granularity());
        if (getDashboard() != null) {
            filter.apiParameters(getDashboard().filter()).forEach((name, value) ->
                    url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return url.toString();
    }

    /** The touchpoints and key drivers behind this NPS: the same filter on the drill-down page. */
    public String getDriversUrl() {
        String query = getDashboard() == null ? "" : filter.pageQuery(getDashboard().filter());
        return "reports/drivers.xhtml?granularity=" + granularity() + (query.isEmpty() ? "" : "&" + query);
    }

    // Notes.

    public void newNote() {
        editing = null;
        noteDay = today();
        noteText = null;
    }

    public void edit(AnnotationView note) {
        editing = note.id();
        noteDay = note.day();
        noteText = note.text();
    }

    public void saveNote() {
        try {
            AnnotationInput input = new AnnotationInput(noteDay, noteText);
            if (editing == null) {
                annotations.create(input, currentUser.getUsername());
            } else {
                annotations.update(editing, input);
            }
            Messages.addGlobalInfo(text("reports.notes.saved"));
            newNote();
            notes = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("notes:" + ("day".equals(error.field()) ? "noteDay" : "noteText"),
                    UiTexts.text(error)));
            Faces.validationFailed();
        }
    }

    public void delete(AnnotationView note) {
        annotations.delete(note.id());
        if (note.id() == (editing == null ? -1 : editing)) {
            newNote();
        }
        Messages.addGlobalInfo(text("reports.notes.deleted"));
        notes = null;
    }

    // Filter options and values.

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

    public Long getEditing() {
        return editing;
    }

    public LocalDate getNoteDay() {
        if (noteDay == null && editing == null) {
            noteDay = today();
        }
        return noteDay;
    }

    public void setNoteDay(LocalDate noteDay) {
        this.noteDay = noteDay;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public int getMinConclusive() {
        return NpsResult.MIN_CONCLUSIVE_RESPONSES;
    }

    public int getMaxNoteLength() {
        return org.npsloop.domain.report.Annotation.MAX_TEXT;
    }

    /** The URL's granularity; a mistyped one becomes MONTH, in the menu too. */
    private TrendGranularity granularity() {
        TrendGranularity parsed = ReportPages.granularity(granularity);
        granularity = parsed.name();
        return parsed;
    }

    private LocalDate today() {
        return days.today();
    }

    private static String text(String key) {
        ResourceBundle bundle = Faces.getResourceBundle("msg");
        return bundle.getString(key);
    }
}
