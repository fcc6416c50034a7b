package org.npsloop.campaigns.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The development outbox: what would have been mailed while no SMTP server is configured. */
public interface OutboxService {

    record OutboxMessage(long id, Long invitationId, String recipient, String subject, Instant createdAt) implements java.io.Serializable {
    }

    record OutboxContent(OutboxMessage message, String html, String text) {
    }

    List<OutboxMessage> recent(int first, int size);

    long count();

    Optional<OutboxContent> find(long id);
}
