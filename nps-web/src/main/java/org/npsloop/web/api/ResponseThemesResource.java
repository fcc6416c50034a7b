package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.themes.ThemeService;

/**
 * {@code POST|DELETE /api/responses/{id}/themes/{themeId}}: a person adds a theme to a response or takes
 * it off (204); a removal holds against the keyword rules. A root of its own, more specific than
 * {@code responses}, so that ResponsesResource keeps its paths.
 */
@RequestScoped
@Path("responses/{id}/themes")
@RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ResponseThemesResource {

    @Inject
    private ThemeService themes;

    @POST
    @Path("{themeId}")
    public Response tag(@PathParam("id") long responseId, @PathParam("themeId") long themeId, @Context SecurityContext security) {
        themes.tag(responseId, themeId, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{themeId}")
    public Response untag(@PathParam("id") long responseId, @PathParam("themeId") long themeId,
            @Context SecurityContext security) {
        themes.untag(responseId, themeId, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
