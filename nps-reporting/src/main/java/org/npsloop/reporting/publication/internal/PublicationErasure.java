package org.npsloop.reporting.publication.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.schema.Database;

/**
 * Publications' part of a contact's erasure: the person's quotes chosen for publications, and their quotes inside every
 * stored snapshot of every publication, run synchronously inside the erasing transaction (campaigns fires {@link ResponsesAnonymised} for a contact's erasure and for the comment retention;
 * reporting never depends on campaigns).
 */
@ApplicationScoped
public class PublicationErasure {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    void forget(@Observes ResponsesAnonymised anonymised) {
        for (long responseId : anonymised.responseIds()) {
            em.createNativeQuery("DELETE FROM publication_quote WHERE response_id = ?1").setParameter(1, responseId).executeUpdate();
            removeFromSnapshots(responseId);
        }
    }

    /** Every published (or since revoked) version that froze a quote of the response, rewritten without it. */
    private void removeFromSnapshots(long responseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> versions = em.createNativeQuery("SELECT id, content FROM publication_version WHERE content LIKE ?1")
                .setParameter(1, "%\"responseId\":" + responseId + "%").getResultList();
        for (Object[] version : versions) {
            String content = (String) version[1];
            String rewritten = withoutQuotes(content, Set.of(responseId));
            if (!rewritten.equals(content)) {
                em.createNativeQuery("UPDATE publication_version SET content = ?1 WHERE id = ?2")
                        .setParameter(1, rewritten).setParameter(2, ((Number) version[0]).longValue()).executeUpdate();
            }
        }
    }

    /** The snapshot's JSON without the given responses' quotes (unchanged when it quotes none of them). */
    static String withoutQuotes(String json, Set<Long> responseIds) {
        PublicationContent content = PublicationContent.fromJson(json);
        boolean quoted = content.quotes().stream().anyMatch(q -> responseIds.contains(q.responseId()));
        return quoted ? content.withoutQuotes(responseIds).toJson() : json;
    }
}
