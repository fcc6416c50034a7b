package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.audience.ContactExportService;
import org.npsloop.campaigns.audience.SegmentService;
import org.npsloop.campaigns.audience.SegmentService.Preview;
import org.npsloop.campaigns.audience.SegmentService.SegmentView;
import org.npsloop.domain.user.Role;

/** Segments: read, count (with a sample), and save. The rule is a JSON object, see README. */
@RequestScoped
@Path("segments")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentsResource {

    @Inject
    private SegmentService segments;

    @Inject
    private ContactExportService exports;

    public record SegmentInput(String name, String description, JsonObject rule) {
    }

    @GET
    public List<SegmentView> list() {
        return segments.list();
    }

    @GET
    @Path("{id}")
    public SegmentView get(@PathParam("id") long id) {
        return segments.find(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.segment", id));
    }

    /** Matching contacts, those of them that can be surveyed, and a sample. */
    @GET
    @Path("{id}/count")
    public Preview count(@PathParam("id") long id) {
        return segments.preview(id);
    }

    /** The matching contacts as CSV, evaluated now. */
    @GET
    @Path("{id}/export")
    @Produces("text/csv")
    public Response export(@PathParam("id") long id) {
        get(id);
        return CsvDownloads.attachment("segment-" + id + ".csv", out -> exports.exportSegment(id, out));
    }

    /** Counts an unsaved rule: what the editor shows while it is being written. */
    @POST
    @Path("preview")
    public Preview preview(JsonObject rule) {
        if (rule == null) {
            throw new BadRequestException();
        }
        return segments.preview(rule.toString());
    }

    @POST
    public Response create(SegmentInput input) {
        if (input == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(segments.save(null, input.name(), input.description(),
                input.rule() == null ? null : input.rule().toString())).build();
    }

    @PUT
    @Path("{id}")
    public SegmentView update(@PathParam("id") long id, SegmentInput input) {
        if (input == null) {
            throw new BadRequestException();
        }
        segments.find(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.segment", id));
        return segments.save(id, input.name(), input.description(), input.rule() == null ? null : input.rule().toString());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        segments.delete(id);
        return Response.noContent().build();
    }
}
