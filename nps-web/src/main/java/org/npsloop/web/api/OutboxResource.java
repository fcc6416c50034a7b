package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.npsloop.campaigns.mail.OutboxService;
import org.npsloop.campaigns.mail.OutboxService.OutboxContent;
import org.npsloop.campaigns.mail.OutboxService.OutboxMessage;
import org.npsloop.domain.user.Role;

/** The development outbox (mail kept instead of sent while no SMTP server is configured). */
@RequestScoped
@Path("outbox")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @Inject
    private OutboxService outbox;

    @GET
    public List<OutboxMessage> recent(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size) {
        return outbox.recent(Math.max(0, first), Math.min(Math.max(1, size), 500));
    }

    @GET
    @Path("{id}")
    public OutboxContent get(@PathParam("id") long id) {
        return outbox.find(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.outbox", id));
    }
}
