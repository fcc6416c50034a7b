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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.ContactExportService;
import org.npsloop.campaigns.audience.ContactPage;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.campaigns.audience.MailingListService.ListView;
import org.npsloop.domain.user.Role;

/** Static mailing lists and their members. */
@RequestScoped
@Path("lists")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListsResource {

    @Inject
    private MailingListService lists;

    @Inject
    private ContactExportService exports;

    public record NewList(String name, String description) {
    }

    public record Members(List<String> emails) {
    }

    @GET
    public List<ListView> all() {
        return lists.list();
    }

    @POST
    public Response create(NewList body, @Context UriInfo uri) {
        if (body == null) {
            throw new BadRequestException();
        }
        ListView created = lists.create(body.name(), body.description());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public ListView get(@PathParam("id") long id) {
        return lists.find(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.list", id));
    }

    /** The members as CSV (UTF-8 with BOM, ';'), with one column per attribute: re-importable as is. */
    @GET
    @Path("{id}/export")
    @Produces("text/csv")
    public Response export(@PathParam("id") long id) {
        get(id);
        return CsvDownloads.attachment("list-" + id + ".csv", out -> exports.exportList(id, out));
    }

    @GET
    @Path("{id}/members")
    public ContactPage members(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size) {
        return lists.members(id, Math.max(0, first), Math.min(Math.max(1, size), 500));
    }

    @POST
    @Path("{id}/members")
    public Map<String, Integer> addMembers(@PathParam("id") long id, Members body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Map.of("added", lists.addMembers(id, body.emails()));
    }

    @DELETE
    @Path("{id}/members/{contactId}")
    public Response removeMember(@PathParam("id") long id, @PathParam("contactId") long contactId) {
        if (!lists.removeMember(id, contactId)) {
            throw new org.npsloop.domain.i18n.NotFoundException("notFound.membership", contactId, id);
        }
        return Response.noContent().build();
    }
}
