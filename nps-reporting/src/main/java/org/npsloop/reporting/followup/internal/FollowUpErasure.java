package org.npsloop.reporting.followup.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.npsloop.domain.audience.ContactErased;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.schema.Database;

/**
 * Follow-ups' part of a contact's erasure: the notes of the person's follow-ups (they name and describe the person), run synchronously inside the erasing transaction (campaigns fires {@link ContactErased};
 * reporting never depends on campaigns).
 */
@ApplicationScoped
public class FollowUpErasure {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    void erase(@Observes ContactErased erased) {
        forget(erased.responseIds());
    }

    /** The comment retention removes the same copies of the anonymised responses' words. */
    void anonymised(@Observes ResponsesAnonymised anonymised) {
        forget(anonymised.responseIds());
    }

    private void forget(java.util.Set<Long> responseIds) {
        for (long responseId : responseIds) {
            em.createNativeQuery("DELETE FROM follow_up_note WHERE follow_up_id IN "
                    + "(SELECT id FROM follow_up WHERE response_id = ?1)").setParameter(1, responseId).executeUpdate();
        }
    }
}
