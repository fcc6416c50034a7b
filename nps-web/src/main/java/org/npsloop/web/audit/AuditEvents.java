package org.npsloop.web.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.platform.audit.AuditTrail;

/**
 * An action of an admin page that the entity listener cannot see because the service writes it with plain SQL (an
 * import started, a contact erased), recorded as the signed-in caller's; the API records the same actions as calls.
 */
@ApplicationScoped
public class AuditEvents {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    /** Appends the event if a signed-in caller is acting (always so on the admin pages). */
    public void record(String action, String entity, Object entityId, String summary) {
        AuditActor.current().ifPresent(actor -> recordAs(actor, action, entity, entityId, summary));
    }

    /** Appends the event as this actor's, who is not (yet) the request's signed-in caller: a sign-in, a sign-out. */
    public void recordAs(AuditActor actor, String action, String entity, Object entityId, String summary) {
        try (Connection connection = dataSource.getConnection()) {
            AuditTrail.record(connection, Instant.now(), actor, action, entity, entityId == null ? null : String.valueOf(entityId),
                    summary, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append " + action + " " + entity + " to the audit trail", e);
        }
    }
}
