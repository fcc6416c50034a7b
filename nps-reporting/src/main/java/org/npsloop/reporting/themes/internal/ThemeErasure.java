package org.npsloop.reporting.themes.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.schema.Database;

/**
 * Themes' part of a contact's erasure: the themes tagged on the person's comments, run synchronously inside the erasing transaction (campaigns fires {@link ResponsesAnonymised} for a contact's erasure and for the comment retention;
 * reporting never depends on campaigns).
 */
@ApplicationScoped
public class ThemeErasure {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    void forget(@Observes ResponsesAnonymised anonymised) {
        for (long responseId : anonymised.responseIds()) {
            em.createNativeQuery("DELETE FROM response_theme WHERE response_id = ?1").setParameter(1, responseId).executeUpdate();
        }
    }
}
