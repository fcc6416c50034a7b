package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.campaigns.survey.QuestionService.TouchpointView;
import org.npsloop.domain.user.Role;

/**
 * The touchpoints a rating question is about: the five built-in ones of the reference documents and the
 * marketers' own. Renamed, never deleted (answers refer to them).
 */
@RequestScoped
@Path("touchpoints")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TouchpointsResource {

    @Inject
    private QuestionService questions;

    @GET
    public List<TouchpointView> touchpoints() {
        return questions.touchpoints();
    }

    @POST
    public Response addTouchpoint(TouchpointBody body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(questions.addTouchpoint(body.labelEn(), body.labelFr())).build();
    }

    @PUT
    @Path("{id}")
    public TouchpointView renameTouchpoint(@PathParam("id") long id, TouchpointBody body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return questions.renameTouchpoint(id, body.labelEn(), body.labelFr());
    }

    public record TouchpointBody(String labelEn, String labelFr) {
    }

}
