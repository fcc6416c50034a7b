package org.npsloop.domain.audience;

/** Why an address may never be mailed again. */
public enum SuppressionReason {
    UNSUBSCRIBED, BOUNCED, COMPLAINED, MANUAL;

    /** The contact status that goes with it: a manual block leaves the contact active but unreachable. */
    public ContactStatus contactStatus() {
        return switch (this) {
            case BOUNCED -> ContactStatus.BOUNCED;
            case UNSUBSCRIBED, COMPLAINED -> ContactStatus.UNSUBSCRIBED;
            case MANUAL -> ContactStatus.ACTIVE;
        };
    }
}
