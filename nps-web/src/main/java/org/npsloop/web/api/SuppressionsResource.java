package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.audience.SuppressionService.SuppressionView;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.user.Role;

/**
 * The global suppression list. A MARKETER lists it, blocks addresses by hand and lifts manual blocks; an ADMIN reviews
 * it too (where each entry came from, and the evidence: what the mail system said) and may lift a bounce or a
 * complaint found to be a false positive. Nobody lifts an unsubscribe.
 */
@RequestScoped
@Path("suppressions")
@RolesAllowed({Role.MARKETER_NAME, Role.ADMIN_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuppressionsResource {

    @Inject
    private SuppressionService suppressions;

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    public record NewSuppression(String email, SuppressionReason reason, String note) {
    }

    /**
     * One entry. {@code source} is where it came from (SMTP, DSN, ARF, MAILTO, SES, SENDGRID, MAILGUN, POSTMARK, API,
     * PAGE, MANUAL; null before issue 15), {@code sourceLabel} the same in the caller's language; {@code evidence} only
     * when one entry is read; {@code liftable} whether the caller may lift it.
     */
    public record SuppressionJson(long id, String email, SuppressionReason reason, String note, Instant createdAt,
            String source, String sourceLabel, Long eventId, boolean hasEvidence, String evidence, boolean liftable) {
    }

    @GET
    public List<SuppressionJson> list(@QueryParam("q") String text, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size) {
        return suppressions.list(text, Math.max(0, first), Math.min(Math.max(1, size), 500)).stream()
                .map(view -> json(view, false)).toList();
    }

    /** One entry with its evidence, for the review. */
    @GET
    @Path("{id}")
    public SuppressionJson get(@PathParam("id") long id) {
        return json(suppressions.find(id), true);
    }

    @POST
    @RolesAllowed(Role.MARKETER_NAME)
    public Response suppress(NewSuppression body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(json(suppressions.suppress(body.email(),
                body.reason() == null ? SuppressionReason.MANUAL : body.reason(), body.note()), true)).build();
    }

    /** 204; 400 saying why not (an unsubscribe; a bounce or a complaint for a caller who is no ADMIN). */
    @DELETE
    @Path("{id}")
    public Response lift(@PathParam("id") long id) {
        suppressions.lift(id, administrator());
        return Response.noContent().build();
    }

    private boolean administrator() {
        return security.isUserInRole(Role.ADMIN_NAME);
    }

    private SuppressionJson json(SuppressionView view, boolean withEvidence) {
        Locale locale = ApiError.locale(headers);
        boolean liftable = view.reason() == SuppressionReason.MANUAL || view.liftableByAdmin() && administrator();
        return new SuppressionJson(view.id(), view.email(), view.reason(), view.note(), view.createdAt(),
                view.source() == null ? null : view.source().name(),
                view.source() == null ? null : Message.of("deliverySource." + view.source().name()).render(locale),
                view.eventId(), view.evidence() != null, withEvidence ? view.evidence() : null, liftable);
    }
}
