package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.NewSurvey;
import org.npsloop.campaigns.survey.SurveyService.RenderedMail;
import org.npsloop.campaigns.survey.SurveyService.SurveyDetail;
import org.npsloop.campaigns.survey.SurveyService.SurveyUpdate;
import org.npsloop.campaigns.survey.SurveyService.SurveyView;
import org.npsloop.campaigns.survey.SurveyService.TestNotSentException;
import org.npsloop.campaigns.survey.SurveyService.TestRecipientRefusedException;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.UserAccountService;
import org.npsloop.web.security.UserView;

/** Surveys (created with the standard FR/EN wording): change, preview, send a test. */
@RequestScoped
@Path("surveys")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveysResource {

    @Context
    private HttpHeaders headers;

    @Inject
    private SurveyService surveys;

    @Inject
    private UserAccountService users;

    @GET
    public List<SurveyView> list() {
        return surveys.list();
    }

    @GET
    @Path("{id}")
    public SurveyDetail get(@PathParam("id") long id) {
        return surveys.detail(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.survey", id));
    }

    /** Fields left out keep their value; an empty string clears an optional one. */
    @PUT
    @Path("{id}")
    public SurveyDetail update(@PathParam("id") long id, SurveyUpdate body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return surveys.update(id, body);
    }

    /** The mail as a contact would get it, with links that record nothing. */
    @GET
    @Path("{id}/preview")
    public RenderedMail preview(@PathParam("id") long id, @QueryParam("language") String language,
            @QueryParam("contactId") Long contactId) {
        return surveys.preview(id, language, contactId);
    }

    /** The preview's HTML alone, for an iframe: sandboxed by its Content-Security-Policy (no scripts, no same origin). */
    @GET
    @Path("{id}/preview.html")
    @Produces(MediaType.TEXT_HTML)
    public Response previewHtml(@PathParam("id") long id, @QueryParam("language") String language,
            @QueryParam("contactId") Long contactId) {
        return Response.ok(surveys.preview(id, language, contactId).html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", "sandbox allow-popups allow-popups-to-escape-sandbox")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * Body {@code {"to","language","contactId"}}: sends the preview, its subject starting with "[TEST]", to
     * the signed-in user's own address or one an ADMIN allowed (403 otherwise, and for a suppressed address).
     */
    @POST
    @Path("{id}/test")
    public Response sendTest(@PathParam("id") long id, TestRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw new BadRequestException();
        }
        // An API key's principal ("api-key:...") is no user name: it has no address of its own.
        String callerEmail = security.getUserPrincipal() == null ? null
                : users.find(security.getUserPrincipal().getName()).map(UserView::email).orElse(null);
        try {
            return Response.ok(surveys.sendTest(id, body.language(), body.contactId(), body.to(), callerEmail)).build();
        } catch (TestRecipientRefusedException e) {
            return ApiError.response(Response.Status.FORBIDDEN, ApiError.uiText(headers, "survey.test.refused." + e.reason(), e.address()));
        } catch (TestNotSentException e) {
            return ApiError.response(Response.Status.BAD_GATEWAY, ApiError.uiText(headers, "survey.test.failed", e.getMessage()));
        }
    }

    public record TestRequest(String to, String language, Long contactId) {
    }

    @POST
    public Response create(NewSurvey body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(surveys.create(body)).build();
    }
}
