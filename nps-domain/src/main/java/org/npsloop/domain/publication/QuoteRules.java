package org.npsloop.domain.publication;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npsloop.domain.validation.Violations;

/**
 * Which comments may be quoted publicly: only comments whose authors ticked the contact-me consent box and,
 * where their survey asks "may we quote you anonymously?", answered yes (an author who said no is never
 * quoted, even if the survey stopped asking), given in the publication's scope (period, campaign, journey
 * moment), at most {@link #MAX_QUOTES}.
 */
public final class QuoteRules {

    public static final int MAX_QUOTES = 10;

    private QuoteRules() {
    }

    /** What the database says of a response chosen as a quote. */
    public record Source(long responseId, String comment, boolean consent, boolean quoteConsent, boolean inScope) {

        public boolean quotable() {
            return consent && quoteConsent && inScope && comment != null && !comment.isBlank();
        }
    }

    /**
     * The quote consent rule, from the answer ({@code null}: not asked) and whether the survey asks it now:
     * a yes, or no answer where the survey does not ask.
     */
    public static boolean quoteConsented(Boolean answer, boolean surveyAsks) {
        return answer == null ? !surveyAsks : answer;
    }

    /**
     * Records, against the field {@code quoteIds}, every chosen response that cannot be quoted, naming why.
     *
     * @param sources what was found of the chosen ids (missing ones do not exist)
     */
    public static void check(List<Long> chosen, Map<Long, Source> sources, Violations violations) {
        if (chosen.size() > MAX_QUOTES) {
            violations.add("quoteIds", "quotes.tooMany", MAX_QUOTES, chosen.size());
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : chosen) {
            if (id == null) {
                violations.add("quoteIds", "quotes.idMissing");
                continue;
            }
            if (!seen.add(id)) {
                violations.add("quoteIds", "quotes.twice", id);
                continue;
            }
            Source source = sources.get(id);
            if (source == null) {
                violations.add("quoteIds", "quotes.noResponse", id);
            } else if (!source.consent()) {
                violations.add("quoteIds", "quotes.noConsent", id);
            } else if (!source.quoteConsent()) {
                violations.add("quoteIds", "quotes.noQuoteConsent", id);
            } else if (source.comment() == null || source.comment().isBlank()) {
                violations.add("quoteIds", "quotes.noComment", id);
            } else if (!source.inScope()) {
                violations.add("quoteIds", "quotes.outOfScope", id);
            }
        }
    }
}
