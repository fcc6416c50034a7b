package org.npsloop.reporting.followup.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.npsloop.domain.followup.FollowUp;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.feed.ResponseFeed;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Creates the missing follow-ups, in a transaction of its own: detractor (and, when configured, passive)
 * responses not flagged as suspected bots and without one. Safe with several instances: should two
 * create the same follow-up, the unique constraint on its response refuses the second transaction,
 * whose caller simply tries again later. A response whose score later rises keeps its follow-up; a
 * response whose score falls gets one then.
 */
@ApplicationScoped
public class FollowUpSync {

    /** Follow-ups created per transaction at most, so that one stays short. */
    static final int BATCH = 200;
    /** A recent scan also looks at responses changed (a new score) this recently; more than the worker's interval. */
    static final long CHANGED_MINUTES = 10;

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private FollowUpSettings settings;

    @Inject
    private ResponseScope scope;

    @Inject
    private Clock clock;

    /**
     * A recent scan looks only at the newest responses (ids above {@link ResponseFeed#recentIdFloor}, which
     * leaves room for the id blocks other instances hold) and the ones changed in the last
     * {@value #CHANGED_MINUTES} minutes: cheap on millions of responses. A full scan
     * looks at all of them (the worker does one at start and every hour: it catches a response written
     * with an id from an old block, and a change of {@code nps.follow-up.passives}).
     *
     * @return how many were created
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int createMissing(boolean full) {
        int highest = settings.passives() ? 8 : 6;
        // No ORDER BY: it would make PostgreSQL walk the whole primary key instead of the two indexes.
        // Native SQL: the timestamp goes to the driver as it is (OffsetDateTime, bound natively by both).
        Query query = em.createNativeQuery("SELECT r.id FROM response r WHERE r.flagged = FALSE AND r.score <= ?"
                + (full ? "" : " AND (r.id > ? OR r.updated_at >= ?)")
                + " AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.response_id = r.id)").setParameter(1, highest);
        if (!full) {
            Long newest = em.createQuery("SELECT MAX(r.id) FROM Response r", Long.class).getSingleResult();
            query.setParameter(2, ResponseFeed.recentIdFloor(newest == null ? 0 : newest)).setParameter(3,
                    clock.instant().minus(CHANGED_MINUTES, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
        }
        List<?> missing = query.setMaxResults(BATCH).getResultList();
        if (missing.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(scope.zone()));
        for (Object id : missing) {
            Response response = em.getReference(Response.class, ((Number) id).longValue());
            em.persist(new FollowUp(response, today, settings.dueDays(), clock.instant()));
        }
        em.flush();
        return missing.size();
    }
}
