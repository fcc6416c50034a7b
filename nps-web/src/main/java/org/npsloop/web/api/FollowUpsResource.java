package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.ContactEmails;
import org.npsloop.domain.validation.Violations;
import org.npsloop.domain.text.StrictDates;
import org.npsloop.reporting.followup.FollowUpService;

/** Close the loop: follow-ups of detractor answers, for marketers and executives. */
@RequestScoped
@Path("follow-ups")
@RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpsResource {

    /** PUT body, every field optional: owner (a username, "" to unassign), status, dueOn (2026-11-27). */
    public record ChangeInput(String owner, String status, String dueOn) {
    }

    public record NoteInput(String text) {
    }

    @Inject
    private FollowUpService followUps;

    @Inject
    private ContactEmails contactEmails;

    /**
     * One page in priority order. Filters: status (NEW, CONTACTED, RESOLVED), owner (a username),
     * mine=true (the caller's), unassigned=true, overdue=true.
     */
    @GET
    public FollowUpService.Page list(@QueryParam("status") String status, @QueryParam("owner") String owner,
            @QueryParam("mine") boolean mine, @QueryParam("unassigned") boolean unassigned,
            @QueryParam("overdue") boolean overdue, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size, @Context SecurityContext security) {
        Violations violations = new Violations();
        FollowUpStatus wanted = violations.check("status", () -> status(status));
        if (mine && owner != null && !owner.isBlank()) {
            violations.add("owner", "followup.owner.both");
        }
        violations.throwIfAny();
        String who = mine ? security.getUserPrincipal().getName() : owner;
        return contactEmails.shown(followUps.list(new FollowUpService.Query(wanted, who, unassigned, overdue, first, size)));
    }

    @GET
    @Path("{id}")
    public FollowUpService.Detail get(@PathParam("id") long id) {
        return contactEmails.shown(followUps.detail(id));
    }

    /** Assign (the new owner is mailed), change the status or the due date; 400 names each bad field. */
    @PUT
    @Path("{id}")
    public FollowUpService.Detail update(@PathParam("id") long id, ChangeInput input, @Context SecurityContext security) {
        if (input == null) {
            throw new BadRequestException();
        }
        Violations violations = new Violations();
        FollowUpStatus status = violations.check("status", () -> status(input.status()));
        LocalDate due = violations.check("dueOn", () -> day(input.dueOn()));
        violations.throwIfAny();
        return contactEmails.shown(followUps.update(id, new FollowUpService.Change(input.owner(), status, due),
                security.getUserPrincipal().getName()));
    }

    /** 201 with the follow-up and its notes; the caller is the note's author. */
    @POST
    @Path("{id}/notes")
    public Response addNote(@PathParam("id") long id, NoteInput input, @Context SecurityContext security) {
        if (input == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED)
                .entity(contactEmails.shown(followUps.addNote(id, input.text(), security.getUserPrincipal().getName()))).build();
    }

    private static FollowUpStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FollowUpStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("param.oneOf", Arrays.toString(FollowUpStatus.values()), value);
        }
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : StrictDates.isoDay(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("param.day", value);
        }
    }
}
