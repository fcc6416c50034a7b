package org.npsloop.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.campaign.Invitation;
import org.npsloop.domain.schema.Database;

/**
 * The bare endpoint of {@code bench/respond}: the least database work an answer needs, to compare
 * the score capture with. {@code POST /api/bench/bare?id=N} reads invitation N by primary key and
 * inserts one row, in one transaction, through JPA. The row is an empty mailing list named
 * {@code bench-bare-<uuid>} (no side effects: nothing reads lists but the admin and a campaign
 * that names one); the benchmark deletes them afterwards.
 *
 * <p>Application-scoped, so that a request pays for no resource instance nor injection (the respondent
 * servlet's services are application-scoped too).
 *
 * <p>Off unless {@code nps.bench.endpoints=true} (set only by the benchmark): otherwise 404, like
 * any unknown path.
 */
@ApplicationScoped
@Path("bench")
@PermitAll
public class BenchResource {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.bench.endpoints", defaultValue = "false")
    private boolean enabled;

    /** 204 when on (whatever the Accept header: no body), else 404. */
    @POST
    @Path("bare")
    @Operation(hidden = true)
    @Transactional
    public void bare(@QueryParam("id") long id) {
        if (!enabled) {
            throw new NotFoundException();
        }
        em.find(Invitation.class, id);
        em.persist(new MailingList("bench-bare-" + UUID.randomUUID(), clock.instant()));
    }
}
