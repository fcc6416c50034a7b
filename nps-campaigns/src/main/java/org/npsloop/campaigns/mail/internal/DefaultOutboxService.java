package org.npsloop.campaigns.mail.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.mail.OutboxService;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.jdbc.SqlValues;

@ApplicationScoped
public class DefaultOutboxService implements OutboxService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> recent(int first, int size) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, invitation_id, recipient, subject, created_at FROM outbox_message "
                + "ORDER BY created_at DESC, id DESC").setFirstResult(first).setMaxResults(size).getResultList();
        return rows.stream().map(DefaultOutboxService::message).toList();
    }

    @Override
    public long count() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM outbox_message").getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<OutboxContent> find(long id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, invitation_id, recipient, subject, created_at, html_body, text_body "
                + "FROM outbox_message WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new OutboxContent(message(r), (String) r[5], (String) r[6]));
    }

    private static OutboxMessage message(Object[] r) {
        return new OutboxMessage(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], SqlValues.instant(r[4]));
    }
}
