package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.deliverability.DeliverySource;

/** The global suppression list: addresses no campaign may ever mail. */
public interface SuppressionService {

    /**
     * @param source where it came from (null for entries older than issue 15)
     * @param evidence what the mail system said, for the review (null when typed by hand)
     * @param eventId the delivery event that caused it, or null
     */
    record SuppressionView(long id, String email, SuppressionReason reason, String note, Instant createdAt,
            DeliverySource source, String evidence, Long eventId) implements java.io.Serializable {

        /** Whether an ADMIN may lift it: an unsubscribe never (the person's choice), anything else yes. */
        public boolean liftableByAdmin() {
            return reason != SuppressionReason.UNSUBSCRIBED;
        }
    }

    /** Idempotent: suppressing an address twice keeps the first entry. Updates the matching contact's status. */
    default SuppressionView suppress(String email, SuppressionReason reason, String note) {
        return suppress(email, reason, note, DeliverySource.MANUAL, null, null);
    }

    /** As {@link #suppress(String, SuppressionReason, String)}, recording where it came from and the evidence. */
    SuppressionView suppress(String email, SuppressionReason reason, String note, DeliverySource source, String evidence,
            Long eventId);

    /**
     * Lifts an entry. Manual blocks can be lifted by whoever manages the audience; bounces and complaints only by an
     * administrator (false positives: a wrongly classified bounce, a complaint matched to the wrong person), which
     * makes the contact reachable again; unsubscribes never.
     */
    void lift(long id, boolean administrator);

    default void lift(long id) {
        lift(id, false);
    }

    boolean isSuppressed(String email);

    List<SuppressionView> list(String text, int first, int size);

    long count(String text);

    /** One entry with its evidence. */
    SuppressionView find(long id);
}
