package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;
import org.npsloop.domain.i18n.Refusal;
import org.npsloop.domain.publication.PublicationDraft;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.publication.PublicationService.Detail;
import org.npsloop.reporting.publication.PublicationService.QuoteCandidate;
import org.npsloop.reporting.publication.PublicationService.VersionRow;
import org.npsloop.reporting.ReportFilter;

/**
 * Customer-facing syntheses, for executives: drafts (CRUD), publish, revoke, history, the live preview
 * and the consented comments that may be quoted. A body is a draft:
 * {@code {"title","language":"FR|EN","from":"2026-09-01","to":"2026-10-31","campaignId","journeyMoment",
 * "granularity":"WEEK|MONTH|QUARTER","whatYouToldUs","whatWeAreDoing","quoteIds":[...],
 * "quoteWordings":[{"responseId","wording"}],"touchpoints":true|false (show the touchpoint ratings)}}: a wording replaces a chosen quote's comment on the public page,
 * masked like the comment (emails, phones, URLs, names become "[…]").
 * An action the status does not allow answers 409.
 */
@RequestScoped
@Path("publications")
@RolesAllowed(Role.EXECUTIVE_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicationsResource {

    @Context
    private HttpHeaders headers;

    @Inject
    private PublicationService publications;

    @GET
    public List<Detail> list() {
        return publications.list();
    }

    @POST
    public Response create(PublicationDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Detail created = publications.create(required(draft), actor(security));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Detail get(@PathParam("id") long id) {
        return publications.get(id);
    }

    @PUT
    @Path("{id}")
    public Detail update(@PathParam("id") long id, PublicationDraft draft, @Context SecurityContext security) {
        return publications.update(id, required(draft), actor(security));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        conflictOnState(() -> {
            publications.delete(id);
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/publish")
    public Detail publish(@PathParam("id") long id, @Context SecurityContext security) {
        return publications.publish(id, actor(security));
    }

    @POST
    @Path("{id}/revoke")
    public Detail revoke(@PathParam("id") long id, @Context SecurityContext security) {
        return conflictOnState(() -> publications.revoke(id, actor(security)));
    }

    @GET
    @Path("{id}/versions")
    public List<VersionRow> versions(@PathParam("id") long id) {
        return publications.versions(id);
    }

    /** What publishing now would show (live figures of the saved draft), without publishing. */
    @GET
    @Path("{id}/preview")
    public PublicationContent preview(@PathParam("id") long id) {
        return publications.preview(id);
    }

    /**
     * Consented comments that may be quoted, in the period and scope given by the report filter parameters
     * ({@code from}, {@code to}, {@code campaign}, {@code moment}), containing {@code q}.
     */
    @GET
    @Path("quote-candidates")
    public List<QuoteCandidate> quoteCandidates(@BeanParam ReportFilterParams params, @QueryParam("q") String text,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ReportFilter filter = params.toFilter();
        return publications.quoteCandidates(new PublicationDraft(null, null, filter.from(), filter.to(), filter.campaignId(),
                filter.journeyMoment(), null, null, null, List.of(), List.of(), false), text, limit);
    }

    private static PublicationDraft required(PublicationDraft draft) {
        if (draft == null) {
            throw new BadRequestException("A publication draft (JSON) is required");
        }
        return draft;
    }

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private <T> T conflictOnState(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalStateException e) {
            throw new ClientErrorException(Refusal.reasonOf(e).render(ApiError.locale(headers)), Response.Status.CONFLICT);
        }
    }
}
