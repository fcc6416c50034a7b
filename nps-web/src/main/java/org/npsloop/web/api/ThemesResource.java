package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.themes.ThemeService.Theme;
import org.npsloop.reporting.themes.ThemeService.ThemeDraft;

/**
 * Comment themes and their keyword rules. Marketers and executives both read and edit them (both work
 * with reports); every edit re-matches every comment in the background ({@code GET themes/matching}).
 */
@RequestScoped
@Path("themes")
@RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThemesResource {

    @Inject
    private ThemeService themes;

    @GET
    public List<Theme> list() {
        return themes.themes();
    }

    @GET
    @Path("{id}")
    public Theme get(@PathParam("id") long id) {
        return themes.theme(id);
    }

    /** Progress of the re-match after the last rule change. */
    @GET
    @Path("matching")
    public ThemeService.Matching matching() {
        return themes.matching();
    }

    @POST
    public Response create(ThemeDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Theme created = themes.create(required(draft), security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public Theme update(@PathParam("id") long id, ThemeDraft draft, @Context SecurityContext security) {
        return themes.update(id, required(draft), security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        themes.delete(id);
        return Response.noContent().build();
    }

    private static ThemeDraft required(ThemeDraft draft) {
        if (draft == null) {
            throw new BadRequestException("A theme: {\"labelEn\":..., \"labelFr\":..., \"keywordsEn\":[...], \"keywordsFr\":[...]}");
        }
        return draft;
    }
}
