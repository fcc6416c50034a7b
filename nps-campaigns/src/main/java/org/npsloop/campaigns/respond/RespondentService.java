package org.npsloop.campaigns.respond;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
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
     * @param followUp the "why" question of the category of {@code score} (the survey's one without a score)
     * @param score the score to show selected: the clicked one, else the one given, else null
     * @param givenScore the score stored (the latest answer), or null when none is
     * @param reviewUrl the survey's review or referral link, for promoters who answered; else null
     * @param asksQuoteConsent whether the survey asks "may we quote you anonymously?"
     * @param quoteConsent the stored answer to it (false when none)
     * @param suspected the stored answer is flagged as a suspected bot's: a click on its score sends it again, so
     *        that the person's own sending clears the flag (never shown on the page)
     * @param followUps the "why" question of each category, for the page's script to follow the score chosen
     * @param questions every additional question still asked, whatever the category (each says its audience), with
     *        the stored answers: the page shows those of the chosen score
     */
    record AnswerPage(LinkStatus status, Language language, String brandName, String colour, String logoUrl,
            String firstName, String question, String followUp, String consentQuestion,
            Integer score, String comment, boolean consent, Integer givenScore, String reviewUrl,
            boolean asksQuoteConsent, boolean quoteConsent, boolean suspected,
            Map<NpsCategory, String> followUps, List<AskedQuestion> questions) {

        public AnswerPage {
            followUps = followUps == null ? Map.of() : Map.copyOf(followUps);
            questions = questions == null ? List.of() : List.copyOf(questions);
        }

        /** A page whose stored answer, if any, is not suspected, with one "why" question and no additional question. */
        public AnswerPage(LinkStatus status, Language language, String brandName, String colour, String logoUrl,
                String firstName, String question, String followUp, String consentQuestion,
                Integer score, String comment, boolean consent, Integer givenScore, String reviewUrl,
                boolean asksQuoteConsent, boolean quoteConsent) {
            this(status, language, brandName, colour, logoUrl, firstName, question, followUp, consentQuestion, score, comment,
                    consent, givenScore, reviewUrl, asksQuoteConsent, quoteConsent, false, Map.of(), List.of());
        }

        public boolean answered() {
            return givenScore != null;
        }

        /** The category of the stored score, or null before any answer. */
        public NpsCategory givenCategory() {
            return givenScore == null ? null : NpsCategory.of(givenScore);
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
     * the clicks of a scanner before it do not count against the person. A score of another category clears the
     * answers to the additional questions that category is not asked (each clearing in the history).
     * The page returned lists no additional question ({@code questions} is empty): the caller redirects to the
     * thank-you page, which {@link #view} builds; reading the questions here cost two queries per answer.
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

    /**
     * The answers to the additional questions, sent with the answer but stored after it, in a transaction of their
     * own, so that they never delay or block the score: all or none. A question the stored score is not asked is
     * ignored (a field the page hid); a question left out is not touched. Nothing is stored when the link is no
     * longer open, when there is no answer yet, or when the sending is a suspected scanner's and the stored answer a
     * person's (as {@link #answer(String, int, String, boolean, boolean, Optional)} drops it).
     *
     * @param given the values by question id, as typed (several for a multiple choice; none to clear)
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused answer's field
     *         ({@link AskedQuestion#fieldOf}); none is stored
     */
    AnswerPage answerQuestions(String token, Map<Long, List<String>> given, Optional<PageInteraction> interaction);

    /** The unsubscribe confirmation page: stores nothing. */
    UnsubscribePage unsubscribePage(String token);

    /**
     * Unsubscribes the invitation's contact from every future campaign (the suppression list).
     * Idempotent; works for any link that was sent, even after it stopped taking answers.
     */
    UnsubscribePage unsubscribe(String token);
}
