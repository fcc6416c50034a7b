package org.npsloop.campaigns.deliverability.internal;

import org.npsloop.campaigns.deliverability.DeliverabilityService.Trace;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;

/**
 * What one mail of the bounce mailbox says, as {@link ReturnedMailParser} read it.
 *
 * @param source DSN (a delivery report, standard or not), ARF or MAILTO; null when it is none of them
 * @param trace what leads back to the invitation: the reference of the VERP address it came back to, the returned
 *        headers' Message-ID and unsubscribe token, the recipient's address
 * @param statusCode the enhanced status ("5.1.1") or SMTP code, or null
 * @param detail one line for people
 * @param evidence the part it was read from (status part, feedback part, the diagnostic paragraph and returned
 *        headers), never the whole mail
 */
public record ReturnedMail(Kind kind, DeliverySource source, Trace trace, String statusCode, String detail, String evidence) {

    /** Longest evidence kept: enough for a status part and the returned headers. */
    static final int EVIDENCE_MAX = 20_000;

    public enum Kind {
        HARD_BOUNCE(DeliveryEventKind.HARD_BOUNCE),
        SOFT_BOUNCE(DeliveryEventKind.SOFT_BOUNCE),
        COMPLAINT(DeliveryEventKind.COMPLAINT),
        UNSUBSCRIBE(DeliveryEventKind.UNSUBSCRIBE),
        /** An out-of-office or other automatic answer (RFC 3834), or a read receipt: ignored, never a bounce. */
        AUTO_REPLY(null),
        /** A DSN saying the message was delivered or relayed (2.x.x): ignored. */
        DELIVERED(null),
        /** A DSN saying delivery is delayed and still being tried: ignored (the final DSN will follow, if any). */
        DELAYED(null),
        /** Not understood: quarantined for an ADMIN. */
        UNKNOWN(null);

        private final DeliveryEventKind event;

        Kind(DeliveryEventKind event) {
            this.event = event;
        }

        /** The delivery event it reports, or null when it is to be ignored or reviewed. */
        public DeliveryEventKind event() {
            return event;
        }

        /** Handled without a report: moved to the processed folder. */
        public boolean ignored() {
            return this == AUTO_REPLY || this == DELIVERED || this == DELAYED;
        }
    }

    static ReturnedMail unknown(Trace trace, String detail) {
        return new ReturnedMail(Kind.UNKNOWN, null, trace, null, detail, null);
    }

    static ReturnedMail ignored(Kind kind, DeliverySource source, Trace trace, String detail) {
        return new ReturnedMail(kind, source, trace, null, detail, null);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
