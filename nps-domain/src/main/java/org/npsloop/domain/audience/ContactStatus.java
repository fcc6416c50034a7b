package org.npsloop.domain.audience;

/** Only ACTIVE contacts may ever be surveyed. */
public enum ContactStatus {
    ACTIVE, UNSUBSCRIBED, BOUNCED, ERASED
}
