package org.npsloop.reporting.themes.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.npsloop.domain.audience.ContactErased;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.schema.Database;

/**
 * Themes' part of a contact's erasure: the themes tagged on the person's comments, run synchronously inside the erasing transaction (campaigns fires {@link ContactErased};
 * reporting never depends on campaigns).
 */
@ApplicationScoped
public class ThemeErasure {

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
            em.createNativeQuery("DELETE FROM response_theme WHERE response_id = ?1").setParameter(1, responseId).executeUpdate();
        }
    }
}
