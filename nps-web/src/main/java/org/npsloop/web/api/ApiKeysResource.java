package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.ApiKeyService;
import org.npsloop.web.security.ApiKeyService.ApiKeyView;
import org.npsloop.web.security.ApiKeyService.IssuedKey;

/** API keys (ADMIN): the secret is in the creation response only. */
@RequestScoped
@Path("api-keys")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    @Inject
    private ApiKeyService keys;

    public record NewKey(String name, Role role) {
    }

    @GET
    public List<ApiKeyView> list() {
        return keys.list();
    }

    @POST
    public Response issue(NewKey body, @Context SecurityContext caller) {
        if (body == null) {
            throw new BadRequestException();
        }
        IssuedKey issued = keys.issue(body.name(), body.role(), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(id);
        return Response.noContent().build();
    }
}
