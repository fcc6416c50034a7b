package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.npsloop.campaigns.audience.ImportService;
import org.npsloop.campaigns.audience.ImportService.ImportStatus;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.config.UploadLimit;

/**
 * CSV imports by API: POST the file as the body ({@code Content-Type: text/csv}); the columns are
 * mapped as the preview suggests unless a mapping is given. 202 with the job, to poll until finished.
 */
@RequestScoped
@Path("imports")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    private static final JsonConfiguration JSON = new JsonConfiguration();

    @Inject
    private ImportService imports;

    @Inject
    private UploadLimit uploadLimit;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM}) // not text/plain: a form on any site may post it
    public Response start(InputStream body, @QueryParam("fileName") @DefaultValue("api.csv") String fileName,
            @QueryParam("listId") Long listId, @QueryParam("mapping") String mappingJson,
            @Context SecurityContext caller, @Context HttpHeaders headers) throws IOException {
        // Over nps.upload.max-bytes: 413 (UploadTooLargeMapper), the partial file deleted, no job.
        ImportService.Upload upload = imports.upload(fileName, uploadLimit.bounded(body, headers.getLength()),
                caller.getUserPrincipal().getName());
        ColumnMapping mapping;
        if (mappingJson != null && !mappingJson.isBlank()) {
            try {
                mapping = ColumnMapping.fromJson(mappingJson);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new FieldError("mapping", InvalidValueException.reasonOf(e))));
            }
        } else {
            List<Message> problems = ColumnMapping.problemsOf(upload.preview().suggestion());
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream()
                        .map(problem -> new FieldError("mapping", Message.of("import.mapping.fromSuggestion", problem))).toList());
            }
            mapping = new ColumnMapping(upload.preview().suggestion());
        }
        ImportStatus status = imports.start(upload.uploadId(), mapping, listId, caller.getUserPrincipal().getName());
        return Response.accepted(json(status, ApiError.locale(headers)).toString()).type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create("imports/" + status.id())).build();
    }

    @GET
    public String recent(@Context HttpHeaders headers) {
        Locale locale = ApiError.locale(headers);
        JsonArrayBuilder jobs = Json.createArrayBuilder();
        imports.recent(50).forEach(status -> jobs.add(json(status, locale)));
        return jobs.build().toString();
    }

    @GET
    @Path("{id}")
    public String status(@PathParam("id") long id, @Context HttpHeaders headers) {
        return json(existing(id), ApiError.locale(headers)).toString();
    }

    private ImportStatus existing(long id) {
        return imports.status(id).orElseThrow(() -> new NotFoundException("No import with id " + id));
    }

    /** The job's fields as JSON-B writes them, and its counts in a sentence in the caller's language ("summary"). */
    private static JsonObject json(ImportStatus status, Locale locale) {
        String fields = JSON.getContext(ImportStatus.class).toJson(status);
        try (JsonReader reader = Json.createReader(new StringReader(fields))) {
            return Json.createObjectBuilder(reader.readObject()).add("summary", status.summary().render(locale)).build();
        }
    }

    /**
     * Every rejected line with its number and reason, as CSV for Excel, in the language of {@code lang} (the admin
     * page's link says its own) or else of Accept-Language.
     */
    @GET
    @Path("{id}/report")
    @Produces("text/csv")
    public Response report(@PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        existing(id);
        Locale locale = lang == null || lang.isBlank() ? ApiError.locale(headers) : Language.of(Locale.forLanguageTag(lang)).locale();
        return CsvDownloads.attachment("import-" + id + "-rejected.csv", out -> imports.writeReport(id, out, locale));
    }

    /** A rejected line as JSON: its number and why, in the caller's language. */
    public record RejectedLine(int line, String reason) {
    }

    /** The first rejected lines (at most {@code max}, 1000 by default) with their reasons in Accept-Language. */
    @GET
    @Path("{id}/rejections")
    public List<RejectedLine> rejections(@PathParam("id") long id, @QueryParam("max") @DefaultValue("1000") int max,
            @Context HttpHeaders headers) {
        existing(id);
        Locale locale = ApiError.locale(headers);
        return imports.rejections(id, Math.max(0, Math.min(max, 10_000))).stream()
                .map(rejection -> new RejectedLine(rejection.line(), rejection.reason(locale))).toList();
    }
}
