package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Outcome;
import org.npsloop.campaigns.deliverability.GenericEvent;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.user.Role;

/**
 * The generic deliverability endpoint: a mail system with no webhook of its own here (a company relay's log shipper,
 * an ESP not listed) reports a bounce, a complaint or an unsubscribe as JSON, with an API key (or the session of an
 * ADMIN or MARKETER, from the app's own origin like every session call). 201 recorded, 200 a replay of the same
 * {@code externalId} (nothing changes), 422 when no invitation or contact of ours matches (nothing stored), 400
 * naming each bad field.
 */
@RequestScoped
@Path("deliverability")
@RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class DeliverabilityResource {

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private Clock clock;

    @Context
    private HttpHeaders headers;

    /**
     * @param result RECORDED or DUPLICATE
     * @param suppressed whether this report suppressed the address (now, not before)
     */
    public record EventOutcome(String result, Long eventId, Long invitationId, Long campaignId, boolean suppressed) {
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(String body) {
        Outcome outcome = deliverability.report(GenericEvent.read(body, clock.instant()));
        return switch (outcome.result()) {
            case RECORDED -> Response.status(Response.Status.CREATED).entity(new EventOutcome(outcome.result().name(),
                    outcome.eventId(), outcome.invitationId(), outcome.campaignId(), outcome.suppressed())).build();
            case DUPLICATE -> Response.ok(new EventOutcome(outcome.result().name(), null, null, null, false)).build();
            case UNMATCHED -> Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(422,
                    "Unprocessable Content", Message.of("deliverability.unmatched").render(ApiError.locale(headers)), null))
                    .build();
        };
    }
}
