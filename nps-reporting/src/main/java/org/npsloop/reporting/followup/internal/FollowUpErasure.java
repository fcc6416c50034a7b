package org.npsloop.reporting.followup.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.schema.Database;

/**
 * Follow-ups' part of a contact's erasure: the notes of the person's follow-ups (they name and describe the person), run synchronously inside the erasing transaction (campaigns fires {@link ResponsesAnonymised} for a contact's erasure and for the comment retention;
 * reporting never depends on campaigns).
 */
@ApplicationScoped
public class FollowUpErasure {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    void forget(@Observes ResponsesAnonymised anonymised) {
        for (long responseId : anonymised.responseIds()) {
            em.createNativeQuery("DELETE FROM follow_up_note WHERE follow_up_id IN "
                    + "(SELECT id FROM follow_up WHERE response_id = ?1)").setParameter(1, responseId).executeUpdate();
        }
    }
}
