package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.CreatedUser;
import org.npsloop.web.security.NewUser;
import org.npsloop.web.security.UserAccountService;
import org.npsloop.web.security.UserView;

/** User accounts (ADMIN only). */
@RequestScoped
@Path("users")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    private UserAccountService accounts;

    @GET
    public List<UserView> list() {
        return accounts.list();
    }

    /** 201 with the account and, when no password was given, the one-time password to hand over. */
    @POST
    public Response create(NewUser request, @Context UriInfo uri) {
        if (request == null) {
            throw new BadRequestException();
        }
        CreatedUser created = accounts.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.user().id())).build())
                .entity(created).build();
    }

    public record RolesChange(Set<Role> roles) {
    }

    @PUT
    @Path("{id}/roles")
    public UserView changeRoles(@PathParam("id") long id, RolesChange change, @Context SecurityContext caller) {
        if (change == null) {
            throw new BadRequestException();
        }
        return accounts.changeRoles(id, change.roles(), caller.getUserPrincipal().getName());
    }

    /** Boolean, not boolean: a body without "enabled" is refused rather than read as false. */
    public record EnabledChange(Boolean enabled) {
    }

    @PUT
    @Path("{id}/enabled")
    public UserView setEnabled(@PathParam("id") long id, EnabledChange change, @Context SecurityContext caller) {
        if (change == null || change.enabled() == null) {
            throw new BadRequestException();
        }
        return accounts.setEnabled(id, change.enabled(), caller.getUserPrincipal().getName());
    }
}
