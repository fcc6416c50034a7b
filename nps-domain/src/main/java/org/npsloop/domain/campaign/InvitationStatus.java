package org.npsloop.domain.campaign;

public enum InvitationStatus {
    /** Waiting for its due time or for a worker to claim it. */
    PENDING,
    /** Claimed by a worker whose lease has not expired. */
    CLAIMED,
    SENT,
    /** Gave up after retries, or the address bounced. */
    FAILED,
    /** Never sent: the contact was suppressed or the campaign cancelled. */
    SKIPPED
}
