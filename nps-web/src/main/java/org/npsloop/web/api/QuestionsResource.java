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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.campaigns.survey.QuestionService.QuestionInput;
import org.npsloop.campaigns.survey.QuestionService.QuestionView;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.campaigns.QuestionForm;

/** The additional questions of a survey, asked after the score: whoever edits surveys edits them. */
@RequestScoped
@Path("surveys/{surveyId}/questions")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuestionsResource {

    @Inject
    private QuestionService questions;

    @GET
    public List<QuestionView> list(@PathParam("surveyId") long surveyId) {
        return questions.questions(surveyId);
    }

    @POST
    public Response add(@PathParam("surveyId") long surveyId, QuestionForm body) {
        return Response.status(Response.Status.CREATED).entity(questions.add(surveyId, parse(body))).build();
    }

    /** Fields left out keep their value; the kind never changes. */
    @PUT
    @Path("{id}")
    public QuestionView update(@PathParam("surveyId") long surveyId, @PathParam("id") long id, QuestionForm body) {
        QuestionView current = ofSurvey(surveyId, id);
        if (body == null) {
            throw new BadRequestException();
        }
        return questions.update(id, body.parse(current));
    }

    /** The question is no longer asked; its answers stay in the reports. */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("surveyId") long surveyId, @PathParam("id") long id) {
        ofSurvey(surveyId, id);
        questions.remove(id);
        return Response.noContent().build();
    }

    /** {@code offset} -1 moves it up, 1 down; the survey's questions in their new order. */
    @POST
    @Path("{id}/move")
    public List<QuestionView> move(@PathParam("surveyId") long surveyId, @PathParam("id") long id,
            @QueryParam("offset") String offset) {
        // Read as text: JAX-RS would answer a malformed number with a bare 404. An unencoded "+1" arrives as " 1".
        String given = offset == null ? "" : offset.strip();
        int by = "-1".equals(given) ? -1 : "1".equals(given) || "+1".equals(given) ? 1 : 0;
        if (by == 0) {
            throw new InvalidInputException("offset", "param.oneOf", "[-1, 1]", offset);
        }
        ofSurvey(surveyId, id);
        return questions.move(id, by);
    }

    private static QuestionInput parse(QuestionForm body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body.parse();
    }

    /** A question is addressed under its own survey only (an archived one is gone). */
    private QuestionView ofSurvey(long surveyId, long id) {
        return questions.questions(surveyId).stream().filter(q -> q.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("question.notFound", id));
    }
}
