package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.themes.ThemeService.ThemeCounts;

/**
 * {@code GET /api/reports/themes?from=&to=&campaign=...} (the report filter, see {@link ReportFilterParams}):
 * per theme, the promoters, passives and detractors mentioning it, most mentioned first, and the commented
 * responses of each category.
 */
@RequestScoped
@Path("reports/themes")
@RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ThemeCountsResource {

    @Inject
    private ThemeService themes;

    /** One theme's count, with its total. */
    public record ThemeCountJson(long themeId, String labelEn, String labelFr, long promoters, long passives, long detractors,
            long total) {
    }

    public record ThemeCountsJson(List<ThemeCountJson> themes, long commentedPromoters, long commentedPassives,
            long commentedDetractors, long commented) {
    }

    @GET
    public ThemeCountsJson counts(@BeanParam ReportFilterParams params) {
        ThemeCounts counts = themes.counts(params.toFilter());
        return new ThemeCountsJson(counts.themes().stream().map(t -> new ThemeCountJson(t.themeId(), t.labelEn(), t.labelFr(),
                t.promoters(), t.passives(), t.detractors(), t.total())).toList(), counts.commentedPromoters(),
                counts.commentedPassives(), counts.commentedDetractors(), counts.commented());
    }
}
