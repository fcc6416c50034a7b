package org.npsloop.domain.publication;

/** What a version of the history records: a first publish (or one after a revoke), a re-publish, a revoke. */
public enum PublicationAction {
    PUBLISHED, UPDATED, REVOKED
}
