package org.npsloop.campaigns.webhook;

import java.time.Instant;
import java.util.List;

/**
 * The optional webhook (ADMIN): one URL that receives a signed JSON POST for every new or changed
 * response, whoever wrote it. Deliveries are durable and retried with exponential back-off.
 */
public interface WebhookService {

    /** What an administrator sees; never the secret itself, only its last characters. */
    record WebhookSettings(String url, boolean enabled, boolean hasSecret, String secretHint, Instant updatedAt,
            String updatedBy) implements java.io.Serializable {
    }

    /**
     * A change: a field left {@code null} keeps its value; an empty URL clears it (only while disabled).
     * Enabling without a secret, or {@code regenerateSecret}, makes a new secret.
     */
    record WebhookChange(String url, Boolean enabled, boolean regenerateSecret) {
    }

    /** The stored settings and, only when one was just generated, the new secret (shown once). */
    record SavedWebhook(WebhookSettings settings, String secret) {
    }

    /**
     * One event and how its delivery went. Status: PENDING, CLAIMED (being sent), DELIVERED, FAILED (gave up).
     * The response is null for an event about a contact ({@code contact.erased}).
     */
    record Delivery(long id, String eventId, String eventType, Long responseId, Long responseVersion, String status,
            int attempts, Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt,
            Instant deliveredAt) {
    }

    WebhookSettings settings();

    /** @throws org.npsloop.domain.validation.InvalidInputException naming {@code url} when it is refused */
    SavedWebhook save(WebhookChange change, String changedBy);

    /** The latest deliveries, newest first. */
    List<Delivery> recentDeliveries(int max);
}
