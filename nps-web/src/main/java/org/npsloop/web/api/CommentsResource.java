package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.themes.ThemeService.CommentPage;
import org.npsloop.reporting.themes.ThemeService.CommentQuery;

/**
 * {@code GET /api/comments}: commented responses newest first with their themes. The report filter
 * parameters ({@link ReportFilterParams}), plus {@code category} (promoter, passive, detractor),
 * {@code theme} (id), {@code q} (text in the comment, ignoring case), {@code first} and {@code size}.
 */
@RequestScoped
@Path("comments")
@RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    @Inject
    private ThemeService themes;

    @GET
    public CommentPage search(@BeanParam ReportFilterParams params, @QueryParam("category") String category,
            @QueryParam("theme") String theme, @QueryParam("q") String text,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        Violations violations = new Violations();
        NpsCategory cat = violations.check("category", () -> ReportFilterParams.named(NpsCategory.class, category));
        Long themeId = violations.check("theme", () -> ReportFilterParams.id(theme));
        violations.throwIfAny();
        return themes.comments(new CommentQuery(params.toFilter(), cat, themeId, text, first, size));
    }
}
