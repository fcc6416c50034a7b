package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.SurveyService;
import org.npsloop.campaigns.SurveyService.NewSurvey;
import org.npsloop.campaigns.SurveyService.SurveyView;
import org.npsloop.domain.user.Role;

/** Surveys (created with the standard FR/EN wording). */
@RequestScoped
@Path("surveys")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveysResource {

    @Inject
    private SurveyService surveys;

    @GET
    public List<SurveyView> list() {
        return surveys.list();
    }

    @GET
    @Path("{id}")
    public SurveyView get(@PathParam("id") long id) {
        return surveys.find(id).orElseThrow(() -> new NotFoundException("No survey with id " + id));
    }

    @POST
    public Response create(NewSurvey body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(surveys.create(body)).build();
    }
}
