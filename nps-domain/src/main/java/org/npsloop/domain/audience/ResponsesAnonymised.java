package org.npsloop.domain.audience;

import java.util.Set;

/**
 * Responses lose their author's words and the link to them (a contact's erasure, after {@link ContactErased}, and the
 * comment retention, where the contact stays): fired synchronously inside that transaction, before the responses are
 * changed, so that every module removes its copies of those words (theme tags, follow-up notes, quotes, webhook
 * payloads) in that same transaction.
 *
 * @param responseIds the responses anonymised (they stay, with their scores, for the figures)
 */
public record ResponsesAnonymised(Set<Long> responseIds) {

    public ResponsesAnonymised {
        responseIds = Set.copyOf(responseIds);
    }
}
