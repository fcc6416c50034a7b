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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.npsloop.campaigns.audience.ContactDetail;
import org.npsloop.campaigns.audience.ContactInput;
import org.npsloop.campaigns.audience.ContactPage;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.campaigns.audience.UpsertResult;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.user.Role;

/** Contacts: CRUD, bulk upsert by email, GDPR export and erasure. */
@RequestScoped
@Path("contacts")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject
    private ContactService contacts;

    @GET
    public ContactPage search(@QueryParam("q") String text, @QueryParam("status") ContactStatus status,
            @QueryParam("sort") String sort, @QueryParam("desc") boolean descending,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        return contacts.search(new ContactQuery(text, status, sort, !descending, first, size));
    }

    @POST
    public Response create(ContactInput input, @Context UriInfo uri) {
        if (input == null) {
            throw new BadRequestException();
        }
        ContactSummary created = contacts.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    /** Body of a bulk upsert: up to 10,000 contacts, optionally all added to a list. */
    public record BulkUpsert(List<ContactInput> contacts, Long listId) {
    }

    public static final int MAX_BULK = 10_000;

    @POST
    @Path("bulk")
    public UpsertResult upsert(BulkUpsert body) {
        if (body == null) {
            throw new BadRequestException();
        }
        if (body.contacts() != null && body.contacts().size() > MAX_BULK) {
            throw new org.npsloop.domain.validation.InvalidInputException("contacts",
                    "at most " + MAX_BULK + " contacts per call; split the upload");
        }
        return contacts.upsert(body.contacts(), body.listId());
    }

    /** Everything stored about the contact: attributes, lists, events, invitations, responses (also the GDPR export). */
    @GET
    @Path("{id}")
    public ContactDetail get(@PathParam("id") long id) {
        return contacts.detail(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.contact", id));
    }

    /** GDPR access request: the same document as a downloadable JSON file. */
    @GET
    @Path("{id}/export")
    public Response export(@PathParam("id") long id) {
        return Response.ok(get(id)).header("Content-Disposition", "attachment; filename=\"contact-" + id + ".json\"").build();
    }

    @PUT
    @Path("{id}")
    public ContactSummary update(@PathParam("id") long id, ContactInput input) {
        if (input == null) {
            throw new BadRequestException();
        }
        return contacts.update(id, input);
    }

    /** GDPR erasure: personal data removed, anonymous scores kept. */
    @DELETE
    @Path("{id}")
    public Response erase(@PathParam("id") long id) {
        contacts.erase(id);
        return Response.noContent().build();
    }
}
