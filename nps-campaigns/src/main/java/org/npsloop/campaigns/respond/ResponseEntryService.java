package org.npsloop.campaigns.respond;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers typed by a marketer: a phone survey (the complement the reference documents recommend for
 * customers who do not answer emails) or an answer received another way. They count in reports with
 * their channel, and keep who entered them.
 */
public interface ResponseEntryService {

    /**
     * One answer as typed: the contact by id or by email (an erased or unknown contact is refused), a
     * score 0-10, an optional comment and contact-me consent, the channel (PHONE, the default, or MANUAL),
     * when it was given (not in the future), optionally the campaign it belongs to, and the answer to "may we
     * quote you anonymously?" ({@code quoteConsent}: where the campaign's survey asks it, anything but true is a
     * no; elsewhere, left out means not asked and false is a no), and the answers to the campaign survey's additional
     * questions ({@code answers}: the values by question id, as {@code SurveyQuestion.parseAnswer} reads them; only
     * the questions the survey asks for this score).
     */
    record EntryInput(Long contactId, String email, Integer score, String comment, Boolean contactConsent,
            String channel, Instant respondedAt, Long campaignId, Boolean quoteConsent,
            Map<Long, List<String>> answers) {

        /** The constructor the API's JSON-B uses (a record with two constructors needs it named); missing fields are null. */
        @jakarta.json.bind.annotation.JsonbCreator
        public EntryInput {
        }

        /** An answer without additional answers. */
        public EntryInput(Long contactId, String email, Integer score, String comment, Boolean contactConsent,
                String channel, Instant respondedAt, Long campaignId, Boolean quoteConsent) {
            this(contactId, email, score, comment, contactConsent, channel, respondedAt, campaignId, quoteConsent, null);
        }

        /** The same answer with these additional answers. */
        public EntryInput withAnswers(Map<Long, List<String>> given) {
            return new EntryInput(contactId, email, score, comment, contactConsent, channel, respondedAt, campaignId,
                    quoteConsent, given);
        }
    }

    /**
     * An additional answer as stored: its question's kind, touchpoint code (ratings only) and English wording, and
     * the value as JSON carries it ({@link org.npsloop.domain.question.AnswerValue#plain()}: a number, the choice
     * codes, a text or a boolean).
     */
    record AnswerView(long questionId, String kind, String touchpoint, String text, Object value) {
    }

    /** What was stored, with the additional answers in the survey's order. */
    record Entered(long id, Long contactId, String email, int score, String category, String channel,
            Instant respondedAt, Long campaignId, String enteredBy, List<AnswerView> answers) {
    }

    /**
     * Stores the answer and its first history entry; {@code enteredBy} is the signed-in user.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each bad field; nothing is stored
     */
    Entered enter(EntryInput input, String enteredBy);

    /** A stored response (typed or answered online) with its additional answers; empty when there is none. */
    Optional<Entered> find(long id);
}
