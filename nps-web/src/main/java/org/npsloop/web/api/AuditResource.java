package org.npsloop.web.api;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.SpreadsheetCsv;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.Violations;
import org.npsloop.platform.audit.AuditTrail;

/**
 * The audit trail, for administrators: {@code GET /api/audit} a page of events, newest first, filtered by actor
 * ({@code admin}, {@code api-key:<name>}), entity ({@code Contact}, {@code API}...), entity id and a period
 * ({@code from}, {@code to}: a day or an instant); {@code GET /api/audit/export} the same events as CSV. Read only:
 * nothing in the application updates or deletes an event (docs/audit.md).
 */
@RequestScoped
@Path("audit")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int EXPORT_LIMIT = 100_000;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @GET
    public AuditTrail.Page page(@QueryParam("actor") String actor, @QueryParam("entity") String entity,
            @QueryParam("entityId") String entityId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTrail.read(connection, filter(actor, entity, entityId, from, to), first, Math.min(500, max));
        }
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("entity") String entity,
            @QueryParam("entityId") String entityId, @QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
        AuditTrail.Filter filter = filter(actor, entity, entityId, from, to);
        List<AuditTrail.Event> events;
        try (Connection connection = dataSource.getConnection()) {
            events = AuditTrail.read(connection, filter, 0, EXPORT_LIMIT).events();
        }
        return CsvDownloads.attachment("audit.csv", out -> {
            SpreadsheetCsv csv = SpreadsheetCsv.start(out, ',', List.of("id", "occurred_at", "actor", "source_address",
                    "action", "entity", "entity_id", "summary", "changes"));
            for (AuditTrail.Event e : events) {
                csv.row(java.util.Arrays.asList(e.id(), e.occurredAt().toString(), e.actor(), e.sourceAddress(), e.action(),
                        e.entity(), e.entityId(), e.summary(), e.changes()));
            }
            csv.flush();
        });
    }

    /** The filter, or a 400 naming each bad parameter in the caller's language. */
    private static AuditTrail.Filter filter(String actor, String entity, String entityId, String from, String to) {
        Violations violations = new Violations();
        Instant since = violations.check("from", () -> ResponsesResource.instant(from, false));
        Instant until = violations.check("to", () -> ResponsesResource.instant(to, true));
        if (since != null && until != null && !since.isBefore(until)) {
            violations.add("to", "param.toAfterFrom");
        }
        violations.throwIfAny();
        return new AuditTrail.Filter(actor, entity, entityId, since, until);
    }
}
