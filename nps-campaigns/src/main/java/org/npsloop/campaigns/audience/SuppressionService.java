package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import org.npsloop.domain.audience.SuppressionReason;

/** The global suppression list: addresses no campaign may ever mail. */
public interface SuppressionService {

    record SuppressionView(long id, String email, SuppressionReason reason, String note, Instant createdAt) {
    }

    /** Idempotent: suppressing an address twice keeps the first entry. Updates the matching contact's status. */
    SuppressionView suppress(String email, SuppressionReason reason, String note);

    /** Only manual blocks can be lifted; unsubscribes, bounces and complaints are permanent. */
    void lift(long id);

    boolean isSuppressed(String email);

    List<SuppressionView> list(String text, int first, int size);

    long count(String text);
}
