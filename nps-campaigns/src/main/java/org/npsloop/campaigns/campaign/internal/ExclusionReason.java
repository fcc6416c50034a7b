package org.npsloop.campaigns.campaign.internal;

/** Why a contact of the audience gets no invitation, in the order the rules are checked. */
public enum ExclusionReason {
    ERASED, UNSUBSCRIBED, BOUNCED,
    /** On the suppression list (whatever the contact's status says). */
    SUPPRESSED,
    /** Surveyed more recently than the minimum interval. */
    FATIGUE,
    /** Already waiting for an invitation of another campaign: one survey at a time. */
    OTHER_CAMPAIGN
}
