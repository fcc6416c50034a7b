package org.npsloop.campaigns.campaign.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;

/**
 * The surveys the sending threads render mails of, each read in a short transaction of its own and
 * returned detached (its texts are fetched eagerly). The container's entity manager used outside a
 * transaction on the scheduler's thread was left closed after the first round that sent something:
 * the next campaign then failed every message with a NullPointerException inside EclipseLink.
 */
@ApplicationScoped
public class DispatchSurveys {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Transactional
    public Survey find(long surveyId) {
        return em.find(Survey.class, surveyId);
    }
}
