package org.npsloop.domain.audience;

import java.util.Set;

/**
 * Responses lost their author's words and the link to them (the comment retention): fired synchronously inside the
 * anonymising transaction, before the responses are changed, so that every module removes its copies of those words
 * (theme tags, follow-up notes, quotes, webhook payloads) in that same transaction. Unlike {@link ContactErased}, the
 * contact stays: no {@code contact.erased} event is sent.
 *
 * @param responseIds the responses anonymised (they stay, with their scores, for the figures)
 */
public record ResponsesAnonymised(Set<Long> responseIds) {

    public ResponsesAnonymised {
        responseIds = Set.copyOf(responseIds);
    }
}
