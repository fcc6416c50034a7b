package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.npsloop.campaigns.deliverability.InboundMailService;
import org.npsloop.campaigns.deliverability.InboundMailService.InboundMailView;
import org.npsloop.campaigns.deliverability.InboundMailService.QuarantineAction;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.InvalidInputException;

/** The bounce mailbox's quarantine (ADMIN): mail not understood or matching no invitation, and what was done with it. */
@RequestScoped
@Path("deliverability/quarantine")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    @Inject
    private InboundMailService inbound;

    public record Page(long total, List<InboundMailView> rows) {
    }

    /** @param action HARD_BOUNCE, COMPLAINT, UNSUBSCRIBE or DISMISS; email the address to suppress (default: the one found) */
    public record ActionInput(String action, String email, String note) {
    }

    @GET
    public Page list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        return new Page(inbound.countQuarantined(), inbound.quarantined(Math.max(0, first), Math.min(Math.max(1, size), 500)));
    }

    @GET
    @Path("{id}")
    public InboundMailView get(@PathParam("id") long id) {
        return inbound.find(id);
    }

    @POST
    @Path("{id}/actions")
    public InboundMailView act(@PathParam("id") long id, ActionInput input, @Context SecurityContext security) {
        QuarantineAction action;
        try {
            action = QuarantineAction.valueOf(input == null || input.action() == null ? "" : input.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "inboundMail.action.invalid");
        }
        return inbound.act(id, action, input.email(), input.note(), security.getUserPrincipal().getName());
    }
}
