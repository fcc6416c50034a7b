package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.dashboard.Breakdown;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.drilldown.DrillDownService;

/** The dashboard, breakdown and drill-down (touchpoints, key drivers, choices) figures as JSON (see {@link ReportJson} for rounding), with the filters of {@link ReportFilterParams}. */
@RequestScoped
@Path("reports")
@RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    private ReportService reports;

    @Inject
    private DrillDownService drillDown;

    /** {@code granularity}: WEEK, MONTH (default) or QUARTER. */
    @GET
    @Path("dashboard")
    public ReportJson.DashboardJson dashboard(@BeanParam ReportFilterParams params, @QueryParam("granularity") String granularity) {
        Violations violations = new Violations();
        TrendGranularity g = violations.check("granularity", () -> ReportFilterParams.named(TrendGranularity.class, granularity));
        ReportFilter filter = filter(params, violations);
        return ReportJson.of(reports.dashboard(filter, g == null ? TrendGranularity.MONTH : g));
    }

    /**
     * {@code dimension}: JOURNEY_MOMENT, CAMPAIGN, ATTRIBUTE, LANGUAGE or CHANNEL; with ATTRIBUTE, {@code by} names the
     * contact attribute (e.g. {@code by=plan}). {@code by} is not {@code attribute}: that one, with {@code value}, filters.
     */
    @GET
    @Path("breakdown")
    public ReportJson.BreakdownJson breakdown(@BeanParam ReportFilterParams params, @QueryParam("dimension") String dimension,
            @QueryParam("by") String by) {
        Violations violations = new Violations();
        Breakdown.Dimension d = violations.check("dimension", () -> ReportFilterParams.named(Breakdown.Dimension.class, dimension));
        if (d == null && violations.isEmpty()) {
            violations.add("dimension", "param.dimension");
        }
        boolean byAttribute = d == Breakdown.Dimension.ATTRIBUTE;
        if (byAttribute && (by == null || by.isBlank())) {
            violations.add("by", "param.by");
        }
        ReportFilter filter = filter(params, violations);
        return ReportJson.of(reports.breakdown(filter, d, byAttribute ? by.strip() : null));
    }

    /**
     * Per touchpoint and scale, the mean rating with its 95% interval and n, and its trend ({@code granularity} as
     * for the dashboard).
     */
    @GET
    @Path("touchpoints")
    public DrillDownJson.TouchpointsJson touchpoints(@BeanParam ReportFilterParams params,
            @QueryParam("granularity") String granularity) {
        Violations violations = new Violations();
        TrendGranularity g = violations.check("granularity", () -> ReportFilterParams.named(TrendGranularity.class, granularity));
        ReportFilter filter = filter(params, violations);
        return DrillDownJson.of(drillDown.touchpoints(filter, g == null ? TrendGranularity.MONTH : g));
    }

    /** The key drivers, ranked: NPS of each touchpoint's high raters against its low raters. */
    @GET
    @Path("drivers")
    public DrillDownJson.DriversJson drivers(@BeanParam ReportFilterParams params) {
        return DrillDownJson.drivers(drillDown.drivers(filter(params, new Violations())));
    }

    /** The answers to each choice and yes/no question, by NPS category. */
    @GET
    @Path("choices")
    public DrillDownJson.ChoicesJson choices(@BeanParam ReportFilterParams params) {
        return DrillDownJson.choices(drillDown.choices(filter(params, new Violations())));
    }

    /** The filter, or every error of the request at once (the filter's and those already found). */
    private static ReportFilter filter(ReportFilterParams params, Violations violations) {
        ReportFilter filter = null;
        try {
            filter = params.toFilter();
        } catch (InvalidInputException e) {
            e.errors().forEach(violations::add);
        }
        violations.throwIfAny();
        return filter;
    }
}
