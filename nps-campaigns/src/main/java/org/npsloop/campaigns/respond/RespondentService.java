package org.npsloop.campaigns.respond;

import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.response.LinkStatus;
import org.npsloop.domain.response.PageInteraction;

/**
 * What respondents do with the links of their email: open a score link (which stores no answer, so
 * that mail scanners record nothing), send their answer, change it until the survey closes, and
 * unsubscribe. Tokens are the secrets of the links; only their hashes are looked up.
 *
 * <p>The pages built from these views show the survey's wording and brand and, of the respondent,
 * only their own first name.
 */
public interface RespondentService {

    /**
     * A respondent's page. For an {@link LinkStatus#UNKNOWN} token every field but {@code status} is
     * null; for an expired or closed one, only the language and brand are set.
     *
     * @param score the score to show selected: the clicked one, else the one given, else null
     * @param givenScore the score stored (the latest answer), or null when none is
     * @param reviewUrl the survey's review or referral link, for promoters who answered; else null
     * @param asksQuoteConsent whether the survey asks "may we quote you anonymously?"
     * @param quoteConsent the stored answer to it (false when none)
     * @param suspected the stored answer is flagged as a suspected bot's: a click on its score sends it again, so
     *        that the person's own sending clears the flag (never shown on the page)
     */
    record AnswerPage(LinkStatus status, Language language, String brandName, String colour, String logoUrl,
            String firstName, String question, String followUp, String consentQuestion,
            Integer score, String comment, boolean consent, Integer givenScore, String reviewUrl,
            boolean asksQuoteConsent, boolean quoteConsent, boolean suspected) {

        /** A page whose stored answer, if any, is not suspected. */
        public AnswerPage(LinkStatus status, Language language, String brandName, String colour, String logoUrl,
                String firstName, String question, String followUp, String consentQuestion,
                Integer score, String comment, boolean consent, Integer givenScore, String reviewUrl,
                boolean asksQuoteConsent, boolean quoteConsent) {
            this(status, language, brandName, colour, logoUrl, firstName, question, followUp, consentQuestion, score, comment,
                    consent, givenScore, reviewUrl, asksQuoteConsent, quoteConsent, false);
        }

        public boolean answered() {
            return givenScore != null;
        }
    }

    /** An unsubscribe page: {@code unsubscribed} once the contact will never be surveyed again. */
    record UnsubscribePage(LinkStatus status, Language language, String brandName, String colour, String logoUrl,
            boolean unsubscribed) {
    }

    /**
     * A GET on a score link: stores no answer; notes the click on the invitation (to recognise
     * scanners) when the link is open.
     *
     * @param score the clicked score (0..10), or null for the link without one
     */
    AnswerPage open(String token, Integer score);

    /** The page of a link as it stands (the thank-you page): notes nothing. */
    AnswerPage view(String token);

    /**
     * The respondent's answer (a POST): stored when the link is open, replacing the previous one; each
     * change writes a {@code response_change} row, an unchanged answer writes nothing. An answer is flagged
     * as a suspected bot's only by what happened at it ({@link org.npsloop.domain.response.BotSuspicion#ofAnswer}):
     * the clicks of a scanner before it do not count against the person.
     *
     * @throws org.npsloop.domain.nps.InvalidScoreException for a score outside 0..10
     * @throws org.npsloop.domain.validation.InvalidInputException naming {@code comment} when it breaks
     *         {@link org.npsloop.domain.response.CommentText}'s rule (too long); nothing is stored
     */
    AnswerPage answer(String token, int score, String comment, boolean consent);

    /**
     * The same, with the answer to "may we quote you anonymously?" ({@code quoteConsent}), kept only when the
     * survey asks it.
     */
    AnswerPage answer(String token, int score, String comment, boolean consent, boolean quoteConsent);

    /**
     * The same, with what the page's script told of how the form was sent (empty when no script ran). A flagged
     * answer sent again, changed or not, without suspicion is unflagged and counts from then on; a suspected
     * one never replaces an answer that is not flagged (it is dropped).
     */
    AnswerPage answer(String token, int score, String comment, boolean consent, boolean quoteConsent,
            Optional<PageInteraction> interaction);

    /** The unsubscribe confirmation page: stores nothing. */
    UnsubscribePage unsubscribePage(String token);

    /**
     * Unsubscribes the invitation's contact from every future campaign (the suppression list).
     * Idempotent; works for any link that was sent, even after it stopped taking answers.
     */
    UnsubscribePage unsubscribe(String token);
}
