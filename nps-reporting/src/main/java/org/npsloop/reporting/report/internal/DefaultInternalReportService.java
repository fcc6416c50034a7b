package org.npsloop.reporting.report.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.report.InternalReport;
import org.npsloop.reporting.report.InternalReportService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.drilldown.DrillDownService;
import org.npsloop.reporting.scope.ResponseScope;

/** Assembles the report from {@link ReportService} and {@link ReportSections}, plus the verbatims, read here. */
@ApplicationScoped
public class DefaultInternalReportService implements InternalReportService {

    private static final int TOP_THEMES = 10;

    @Inject
    private ReportService reports;

    @Inject
    private ReportSections sections;

    @Inject
    private DrillDownService drillDown;

    @Inject
    private ResponseScope scope;

    @Inject
    private Clock clock;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    private final ReportRenderer renderer = new ReportRenderer();

    @Override
    public InternalReport report(ReportFilter filter, Language language) {
        ZoneId zone = scope.zone();
        ReportFilter period = withPeriod(filter, LocalDate.ofInstant(clock.instant(), zone));
        Dashboard dashboard = reports.dashboard(period, granularity(period.from(), period.to()));
        Breakdown byMoment = reports.breakdown(period, Breakdown.Dimension.JOURNEY_MOMENT, null);
        Breakdown byCampaign = reports.breakdown(period, Breakdown.Dimension.CAMPAIGN, null);
        List<ReportSections.ThemeCount> themes = sections.topThemes(period, language, TOP_THEMES);
        ReportSections.FollowUpSummary followUps = sections.followUps(period);
        return new InternalReport(period, period.from(), period.to(), language, zone, clock.instant(), dashboard, byMoment,
                byCampaign, themes, followUps, verbatims(period),
                drillDown.touchpoints(period, dashboard.granularity()).rows(), drillDown.drivers(period));
    }

    /** The filter's period, or the last {@link #DEFAULT_DAYS} days to today when it has none; an open end is closed. */
    static ReportFilter withPeriod(ReportFilter filter, LocalDate today) {
        LocalDate to = filter.to() != null ? filter.to() : filter.from() != null && filter.from().isAfter(today) ? filter.from() : today;
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(DEFAULT_DAYS - 1L);
        return filter.withPeriod(from, to);
    }

    /** Weeks up to about two months, months up to two years, quarters beyond. */
    static TrendGranularity granularity(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return days <= 62 ? TrendGranularity.WEEK : days <= 731 ? TrendGranularity.MONTH : TrendGranularity.QUARTER;
    }

    @Override
    public String html(InternalReport report) {
        return renderer.html(report);
    }

    @Override
    public String htmlBody(InternalReport report) {
        return renderer.htmlBody(report);
    }

    @Override
    public void pdf(InternalReport report, OutputStream out) throws IOException {
        PdfRenderer.render(renderer.html(report), out);
    }

    private Map<NpsCategory, List<InternalReport.Verbatim>> verbatims(ReportFilter filter) {
        ResponseScope.Where where = scope.where(filter);
        Map<NpsCategory, List<InternalReport.Verbatim>> verbatims = new EnumMap<>(NpsCategory.class);
        String sql = "SELECT r.id, r.responded_at, r.score, r.comment_text, r.contact_id, c.first_name" + ResponseScope.FROM
                + where.sql() + " AND r.comment_text IS NOT NULL AND r.comment_text <> '' AND r.score BETWEEN ? AND ?"
                + " ORDER BY r.responded_at DESC, r.id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection connection = dataSource.getConnection()) {
            for (NpsCategory category : NpsCategory.values()) {
                List<Object> parameters = new ArrayList<>(where.parameters());
                parameters.add(category == NpsCategory.PROMOTER ? 9 : category == NpsCategory.PASSIVE ? 7 : 0);
                parameters.add(category == NpsCategory.PROMOTER ? 10 : category == NpsCategory.PASSIVE ? 8 : 6);
                parameters.add(VERBATIMS_PER_CATEGORY);
                List<InternalReport.Verbatim> list = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    Jdbc.bind(statement, parameters);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            long contactId = rs.getLong(5);
                            Long contact = rs.wasNull() ? null : contactId;
                            list.add(new InternalReport.Verbatim(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getInt(3), rs.getString(4), contact, rs.getString(6)));
                        }
                    }
                }
                verbatims.put(category, list);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report verbatims failed: " + e.getMessage(), e);
        }
        return verbatims;
    }
}
