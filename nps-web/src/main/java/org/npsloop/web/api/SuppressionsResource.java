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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.audience.SuppressionService.SuppressionView;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.user.Role;

/** The global suppression list. */
@RequestScoped
@Path("suppressions")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuppressionsResource {

    @Inject
    private SuppressionService suppressions;

    public record NewSuppression(String email, SuppressionReason reason, String note) {
    }

    @GET
    public List<SuppressionView> list(@QueryParam("q") String text, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size) {
        return suppressions.list(text, Math.max(0, first), Math.min(Math.max(1, size), 500));
    }

    @POST
    public Response suppress(NewSuppression body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED)
                .entity(suppressions.suppress(body.email(), body.reason() == null ? SuppressionReason.MANUAL : body.reason(), body.note()))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response lift(@PathParam("id") long id) {
        suppressions.lift(id);
        return Response.noContent().build();
    }
}
