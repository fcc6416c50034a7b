package org.npsloop.domain.publication;

/** DRAFT until first published; PUBLISHED while its public page answers; REVOKED once withdrawn (410). */
public enum PublicationStatus {
    DRAFT, PUBLISHED, REVOKED
}
