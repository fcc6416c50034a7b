package org.npsloop.domain.audience;

import java.util.Set;

/**
 * A contact was erased (GDPR): fired synchronously by nps-campaigns inside the erasing transaction, so
 * that every module removes what it keeps of the person in that same transaction (nothing half-erased).
 * Observers run before the responses are unlinked; the copies of the person's words are removed by the observers of
 * {@link ResponsesAnonymised}, which the erasure fires for the same responses.
 *
 * @param contactId   the erased contact
 * @param responseIds the responses the person gave (they stay, anonymous, for the figures)
 */
public record ContactErased(long contactId, Set<Long> responseIds) {

    public ContactErased {
        responseIds = Set.copyOf(responseIds);
    }
}
