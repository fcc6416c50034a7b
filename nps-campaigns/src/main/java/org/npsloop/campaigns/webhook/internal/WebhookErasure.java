package org.npsloop.campaigns.webhook.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.domain.audience.ContactErased;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.schema.Database;

/**
 * The webhook's part of a contact's erasure, in the erasing transaction (audience fires {@link ContactErased}): every recorded event about the
 * person's responses (pending or already delivered) is rewritten without personal data, and, when a
 * webhook address is set, a {@code contact.erased} event is queued so that the receiver erases its copy too.
 * It is queued even while the webhook is off (it then waits, like other pending deliveries): the receiver
 * may hold the person's data from the time it was on.
 * Rewriting rather than deleting keeps each (response, version) recorded, so the scan does not record
 * it again; a delivery being sent at this very moment may still carry the old body once.
 */
@ApplicationScoped
public class WebhookErasure {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    void erase(@Observes ContactErased erased) {
        long contactId = erased.contactId();
        Instant now = clock.instant();
        if (configured()) {
            // The top of a fresh block of the sequence is ours alone (the queue allocates whole blocks too).
            long id = ((Number) em.createNativeQuery(dialect().nextValue("webhook_delivery_seq")).getSingleResult()).longValue();
            String eventId = UUID.randomUUID().toString();
            em.createNativeQuery("INSERT INTO webhook_delivery (id, event_id, event_type, response_id, response_version, "
                    + "payload, status, attempts, next_attempt_at, created_at, version) "
                    + "VALUES (?1, ?2, ?3, NULL, NULL, ?4, 'PENDING', 0, ?5, ?5, 1)")
                    .setParameter(1, id).setParameter(2, eventId).setParameter(3, WebhookPayload.CONTACT_ERASED)
                    .setParameter(4, WebhookPayload.contactErased(eventId, now, contactId))
                    .setParameter(5, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        }
    }

    /**
     * Events recorded about responses that lose their author's words (the contact's erasure, the comment retention)
     * are rewritten without them; only an erasure sends {@code contact.erased}.
     */
    void anonymised(@Observes ResponsesAnonymised anonymised) {
        for (long responseId : anonymised.responseIds()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, payload FROM webhook_delivery WHERE response_id = ?1")
                    .setParameter(1, responseId).getResultList();
            for (Object[] row : rows) {
                em.createNativeQuery("UPDATE webhook_delivery SET payload = ?1, last_error = NULL WHERE id = ?2")
                        .setParameter(1, WebhookPayload.withoutPersonalData((String) row[1]))
                        .setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
            }
        }
    }

    private SqlDialect dialect() {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean configured() {
        return !em.createNativeQuery("SELECT 1 FROM webhook_endpoint WHERE id = ?1 AND url IS NOT NULL")
                .setParameter(1, WebhookQueue.ENDPOINT_ID).getResultList().isEmpty();
    }
}
