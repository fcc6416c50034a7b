package org.npsloop.domain.audience;

import java.util.Set;

/**
 * A contact was erased (GDPR): fired synchronously by nps-campaigns inside the erasing transaction, so
 * that every module removes what it keeps of the person in that same transaction (nothing half-erased).
 * Observers run before the responses are unlinked; they find the person's traces by the response ids.
 *
 * @param contactId   the erased contact
 * @param responseIds the responses the person gave (they stay, anonymous, for the figures)
 */
public record ContactErased(long contactId, Set<Long> responseIds) {

    public ContactErased {
        responseIds = Set.copyOf(responseIds);
    }
}
