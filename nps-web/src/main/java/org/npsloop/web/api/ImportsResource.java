package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.List;
import org.npsloop.campaigns.ImportService;
import org.npsloop.campaigns.ImportService.ImportStatus;
import org.npsloop.campaigns.imports.ColumnMapping;
import org.npsloop.domain.user.Role;
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
        ImportService.Upload upload = imports.upload(fileName, uploadLimit.bounded(body, headers.getLength()));
        ColumnMapping mapping;
        if (mappingJson != null && !mappingJson.isBlank()) {
            try {
                mapping = ColumnMapping.fromJson(mappingJson);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("mapping", e.getMessage());
            }
        } else {
            List<String> problems = ColumnMapping.problemsOf(upload.preview().suggestion());
            if (!problems.isEmpty()) {
                throw new InvalidInputException("mapping", String.join("; ", problems) + " (give a mapping parameter)");
            }
            mapping = new ColumnMapping(upload.preview().suggestion());
        }
        ImportStatus status = imports.start(upload.uploadId(), mapping, listId, caller.getUserPrincipal().getName());
        return Response.accepted(status).location(URI.create("imports/" + status.id())).build();
    }

    @GET
    public List<ImportStatus> recent() {
        return imports.recent(50);
    }

    @GET
    @Path("{id}")
    public ImportStatus status(@PathParam("id") long id) {
        return imports.status(id).orElseThrow(() -> new NotFoundException("No import with id " + id));
    }

    /** Every rejected line with its number and reason, as CSV for Excel. */
    @GET
    @Path("{id}/report")
    @Produces("text/csv")
    public Response report(@PathParam("id") long id) {
        status(id);
        return CsvDownloads.attachment("import-" + id + "-rejected.csv", out -> imports.writeReport(id, out));
    }
}
