package org.npsloop.domain.deliverability;

/** What a mail system reported about one message. */
public enum DeliveryEventKind {
    /** The address does not exist or will never accept mail: suppressed at once. */
    HARD_BOUNCE,
    /** A temporary failure reported after sending (mailbox full, greylisting, policy): suppressed after several. */
    SOFT_BOUNCE,
    /** The recipient marked the message as spam (ARF report, ESP complaint): suppressed and counted. */
    COMPLAINT,
    /** The recipient asked to receive no more (mailto unsubscribe, one-click link, ESP unsubscribe). */
    UNSUBSCRIBE
}
