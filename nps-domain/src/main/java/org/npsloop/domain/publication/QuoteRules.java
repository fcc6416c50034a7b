package org.npsloop.domain.publication;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npsloop.domain.validation.Violations;

/**
 * Which comments may be quoted publicly: only comments whose authors ticked the consent box, given in
 * the publication's scope (period, campaign, journey moment), at most {@link #MAX_QUOTES}.
 */
public final class QuoteRules {

    public static final int MAX_QUOTES = 10;

    private QuoteRules() {
    }

    /** What the database says of a response chosen as a quote. */
    public record Source(long responseId, String comment, boolean consent, boolean inScope) {

        public boolean quotable() {
            return consent && inScope && comment != null && !comment.isBlank();
        }
    }

    /**
     * Records, against the field {@code quoteIds}, every chosen response that cannot be quoted, naming why.
     *
     * @param sources what was found of the chosen ids (missing ones do not exist)
     */
    public static void check(List<Long> chosen, Map<Long, Source> sources, Violations violations) {
        if (chosen.size() > MAX_QUOTES) {
            violations.add("quoteIds", "At most " + MAX_QUOTES + " quotes, not " + chosen.size());
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : chosen) {
            if (id == null) {
                violations.add("quoteIds", "A quote id is missing");
                continue;
            }
            if (!seen.add(id)) {
                violations.add("quoteIds", "Response " + id + " is chosen twice");
                continue;
            }
            Source source = sources.get(id);
            if (source == null) {
                violations.add("quoteIds", "No response " + id);
            } else if (!source.consent()) {
                violations.add("quoteIds", "Response " + id + ": its author did not consent, it cannot be quoted");
            } else if (source.comment() == null || source.comment().isBlank()) {
                violations.add("quoteIds", "Response " + id + " has no comment to quote");
            } else if (!source.inScope()) {
                violations.add("quoteIds", "Response " + id + " is outside the publication's period or scope");
            }
        }
    }
}
