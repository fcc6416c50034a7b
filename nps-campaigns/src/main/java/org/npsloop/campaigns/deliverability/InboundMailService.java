package org.npsloop.campaigns.deliverability;

import java.time.Instant;
import java.util.List;

/**
 * The mail of the bounce mailbox that could not be understood or matched no invitation (quarantined), for an ADMIN to
 * read and act on: suppress its address as a hard bounce, a complaint or an unsubscribe (through
 * {@link DeliverabilityService}, with the mail as evidence), or dismiss it. Each action records who and when.
 */
public interface InboundMailService {

    enum InboundStatus {
        /** Reported to the deliverability service (and moved to the processed folder). */
        PROCESSED,
        /** An automatic reply or a delivery/delay report: nothing to do. */
        IGNORED,
        /** Waiting for an ADMIN. */
        QUARANTINED,
        /** An ADMIN suppressed its address. */
        RESOLVED,
        /** An ADMIN decided it needs nothing. */
        DISMISSED
    }

    enum QuarantineAction {
        HARD_BOUNCE, COMPLAINT, UNSUBSCRIBE, DISMISS
    }

    /**
     * @param kind what the parser read it as (UNKNOWN, or a bounce, complaint or unsubscribe that matched no invitation)
     * @param recipient the address it seems to be about, if the parser found one
     * @param rawText the mail as received, cut to 100,000 characters (only in {@link #find})
     */
    record InboundMailView(long id, String kind, InboundStatus status, String subject, String sender, String recipient,
            String statusCode, String detail, Instant receivedAt, String note, String resolvedBy, Instant resolvedAt,
            String rawText) implements java.io.Serializable {
    }

    /** Quarantined mail, newest first, without its raw text. */
    List<InboundMailView> quarantined(int first, int size);

    long countQuarantined();

    /** One mail of the quarantine (or one resolved from it), with its raw text. */
    InboundMailView find(long id);

    /**
     * Acts on a quarantined mail: suppresses {@code email} (or, when null, the address the parser found) as the action
     * says, with the mail as evidence, or dismisses it; records who and when.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming "email" when there is no valid address, or
     *         "status" when the mail is no longer in quarantine
     */
    InboundMailView act(long id, QuarantineAction action, String email, String note, String who);
}
