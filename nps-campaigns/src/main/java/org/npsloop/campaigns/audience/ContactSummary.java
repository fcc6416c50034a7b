package org.npsloop.campaigns.audience;

import java.time.Instant;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.Language;

/** One row of the contact table. */
public record ContactSummary(long id, String email, String firstName, String lastName, Language language,
        ContactStatus status, Instant createdAt, Instant updatedAt) implements java.io.Serializable {
}
