package org.npsloop.web.audit;

import jakarta.annotation.Resource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.platform.audit.AuditTrail;

/**
 * Every API call of a signed-in caller that changes something (POST, PUT, PATCH, DELETE answered below 400) and
 * every download (an attachment: CSV exports, backups, the audit trail itself) goes into the audit trail as an
 * event of entity {@code API}: method, path and query, status. What the call changed in entities is recorded beside it
 * field by field ({@code EntityAuditListener}); this event also covers the changes made with plain JDBC (imports,
 * erasures, campaign moves, bulk upserts).
 */
@Provider
public class AuditedCalls implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditedCalls.class.getName());

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        AuditActor actor = AuditActor.current().orElse(null);
        String method = request.getMethod();
        String disposition = response.getHeaderString("Content-Disposition");
        boolean download = disposition != null && disposition.startsWith("attachment");
        boolean change = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (actor == null || response.getStatus() >= 400 || !(change || download)) {
            return;
        }
        String path = "/api/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String call = method + " " + path + (query == null ? "" : "?" + query);
        try (Connection connection = dataSource.getConnection()) {
            AuditTrail.record(connection, Instant.now(), actor, download ? "EXPORT" : method, "API", path,
                    call + " → " + response.getStatus(), null);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not append " + call + " by " + actor.name() + " to the audit trail", e);
        }
    }
}
