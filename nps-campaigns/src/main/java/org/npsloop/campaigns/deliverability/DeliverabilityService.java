package org.npsloop.campaigns.deliverability;

import java.time.Instant;
import java.util.Objects;
import org.npsloop.domain.deliverability.CampaignDeliverability;
import org.npsloop.domain.deliverability.DeliverabilityPolicy;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;

/**
 * The one door of every delivery report. Each source (the dispatcher's SMTP replies, the bounce mailbox, the ESP
 * webhooks, the generic API) builds a {@link Report} and hands it here; the policy is applied in one place: a hard
 * bounce suppresses at once, soft bounces after {@link DeliverabilityPolicy#softBounceLimit()} within the window, a
 * complaint or an unsubscribe at once, each suppression with its source and evidence; a sending campaign whose
 * complaint or bounce rate crosses the threshold pauses itself.
 */
public interface DeliverabilityService {

    /**
     * What identifies the message a report is about; the strongest known is used: our invitation id (SMTP replies),
     * the reference of the return path, the Message-ID we gave it, the token of a link in its returned headers, and
     * last the recipient's address (its latest invitation sent).
     */
    record Trace(Long invitationId, MailReference reference, String messageId, String token, String email) {

        public static Trace invitation(long invitationId) {
            return new Trace(invitationId, null, null, null, null);
        }

        public static Trace reference(MailReference reference) {
            return new Trace(null, reference, null, null, null);
        }

        public static Trace email(String email) {
            return new Trace(null, null, null, null, email);
        }

        public Trace withMessageId(String value) {
            return new Trace(invitationId, reference, value, token, email);
        }

        public Trace withToken(String value) {
            return new Trace(invitationId, reference, messageId, value, email);
        }

        public Trace withEmail(String value) {
            return new Trace(invitationId, reference, messageId, token, value);
        }

        public Trace withReference(MailReference value) {
            return new Trace(invitationId, value, messageId, token, email);
        }
    }

    /**
     * One report.
     *
     * @param statusCode the enhanced status ("5.1.1") or SMTP code, or null
     * @param detail one line for people ("550 5.1.1 user unknown")
     * @param evidence the raw text it was read from, kept for the review (cut to 100,000 characters)
     * @param externalId the source's own id of the report (SNS MessageId, SendGrid sg_event_id, Mailgun token,
     *        Postmark ID, the bounce mail's Message-ID): a second report with the same source and id is a replay
     * @param occurredAt when the mail system says it happened, or null for now
     */
    record Report(DeliveryEventKind kind, DeliverySource source, Trace trace, String statusCode, String detail, String evidence,
            String externalId, Instant occurredAt) {

        public Report {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(trace, "trace");
        }
    }

    enum Result {
        /** Stored, and the policy applied. */
        RECORDED,
        /** The same source already reported it: nothing changed. */
        DUPLICATE,
        /** Neither an invitation of ours nor a known address: nothing stored (the mailbox quarantines it). */
        UNMATCHED
    }

    /**
     * @param suppressed whether this report suppressed the address (now, not before)
     * @param email the address it concerned, null when unmatched
     */
    record Outcome(Result result, Long eventId, Long invitationId, Long campaignId, String email, boolean suppressed) {

        public static final Outcome UNMATCHED = new Outcome(Result.UNMATCHED, null, null, null, null, false);
    }

    /** Records the report once and applies the policy, in one transaction. */
    Outcome report(Report report);

    /** The campaign's delivery figures (all its waves and reminders). */
    CampaignDeliverability campaign(long campaignId);

    /** The policy in force (configuration). */
    DeliverabilityPolicy policy();
}
