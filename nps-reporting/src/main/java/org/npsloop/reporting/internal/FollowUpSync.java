package org.npsloop.reporting.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.npsloop.domain.followup.FollowUp;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.schema.Database;

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

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private FollowUpSettings settings;

    @Inject
    private ResponseScope scope;

    @Inject
    private Clock clock;

    /** @return how many were created */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int createMissing() {
        int highest = settings.passives() ? 8 : 6;
        List<Response> missing = em.createQuery("SELECT r FROM Response r WHERE r.flagged = false AND r.score <= :highest"
                + " AND NOT EXISTS (SELECT f.id FROM FollowUp f WHERE f.response = r) ORDER BY r.id", Response.class)
                .setParameter("highest", highest).setMaxResults(BATCH).getResultList();
        if (missing.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(scope.zone()));
        for (Response response : missing) {
            em.persist(new FollowUp(response, today, settings.dueDays(), clock.instant()));
        }
        em.flush();
        return missing.size();
    }
}
