package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.npsloop.campaigns.audience.EventImportService;
import org.npsloop.campaigns.audience.JourneyEventService;
import org.npsloop.campaigns.audience.JourneyEventService.EventInput;
import org.npsloop.campaigns.audience.JourneyEventService.Recorded;
import org.npsloop.domain.user.Role;
import org.npsloop.web.config.UploadLimit;

/**
 * Journey events (ONBOARDING, PURCHASE, ...). Sending the same externalId again stores nothing and
 * answers 200 with the first event's id, so clients can retry safely.
 */
@RequestScoped
@Path("events")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventsResource {

    public static final int MAX_BATCH = 10_000;

    @Inject
    private JourneyEventService events;

    /** 201 for a new event, 200 for a repeat of a known externalId. */
    @POST
    public Response record(EventInput event) {
        if (event == null) {
            throw new BadRequestException();
        }
        Recorded recorded = events.record(event);
        return Response.status(recorded.outcome() == JourneyEventService.Outcome.CREATED ? 201 : 200)
                .entity(recorded).build();
    }

    public record Batch(List<EventInput> events) {
    }

    @Inject
    private EventImportService eventImports;

    @Inject
    private UploadLimit uploadLimit;

    /** What an event import did, its rejected lines' reasons and its counts ({@code summary}) in the caller's language. */
    public record ImportedEvents(int created, int duplicates, List<RejectedLine> rejections, String summary) {
    }

    public record RejectedLine(int line, String reason, String rawLine) {
    }

    /** A CSV file of events (email, type, occurred_at, external_id, then any properties): every bad line is reported. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM}) // not text/plain: a form on any site may post it
    public ImportedEvents importCsv(InputStream csv, @Context HttpHeaders headers) throws IOException {
        // The import stores as it reads: it gets the whole file within nps.upload.max-bytes, or nothing (413).
        java.nio.file.Path spooled = uploadLimit.spool(csv, headers.getLength());
        try (InputStream in = Files.newInputStream(spooled)) {
            EventImportService.Result result = eventImports.importEvents(in);
            java.util.Locale locale = ApiError.locale(headers);
            return new ImportedEvents(result.created(), result.duplicates(), result.rejections().stream()
                    .map(r -> new RejectedLine(r.line(), r.reason(locale), r.rawLine())).toList(), result.summary().render(locale));
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    @POST
    @Path("batch")
    public List<Recorded> recordAll(Batch batch) {
        if (batch == null) {
            throw new BadRequestException();
        }
        if (batch.events() != null && batch.events().size() > MAX_BATCH) {
            throw new org.npsloop.domain.validation.InvalidInputException("events",
                    "at most " + MAX_BATCH + " events per call");
        }
        return events.recordAll(batch.events());
    }
}
