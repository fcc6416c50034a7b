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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.dashboard.AnnotationService;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationInput;
import org.npsloop.reporting.dashboard.AnnotationService.AnnotationView;

/** Dated notes on the NPS trend: {@code {"day":"2026-10-01","text":"New price list"}}; the author is the caller. */
@RequestScoped
@Path("annotations")
@RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnotationsResource {

    @Inject
    private AnnotationService annotations;

    /** The day as text, so that a malformed one is a field error rather than an unreadable body. */
    public record Body(String day, String text) {
    }

    /** {@code from}, {@code to}: days, both included, both optional. */
    @GET
    public List<AnnotationView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        Violations violations = new Violations();
        LocalDate since = violations.check("from", () -> ReportFilterParams.day(from));
        LocalDate until = violations.check("to", () -> ReportFilterParams.day(to));
        violations.throwIfAny();
        return annotations.between(since, until);
    }

    @POST
    public Response create(Body body, @Context SecurityContext caller, @Context UriInfo uri) {
        AnnotationView created = annotations.create(input(body), caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public AnnotationView update(@PathParam("id") long id, Body body) {
        return annotations.update(id, input(body));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        annotations.delete(id);
        return Response.noContent().build();
    }

    private static AnnotationInput input(Body body) {
        if (body == null) {
            throw new BadRequestException();
        }
        Violations violations = new Violations();
        LocalDate day = violations.check("day", () -> ReportFilterParams.day(body.day()));
        violations.throwIfAny();
        return new AnnotationInput(day, body.text());
    }
}
