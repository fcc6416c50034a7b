package org.npsloop.campaigns.respond;

import java.time.Instant;

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
     * no; elsewhere, left out means not asked and false is a no).
     */
    record EntryInput(Long contactId, String email, Integer score, String comment, Boolean contactConsent,
            String channel, Instant respondedAt, Long campaignId, Boolean quoteConsent) {
    }

    /** What was stored. */
    record Entered(long id, long contactId, String email, int score, String category, String channel,
            Instant respondedAt, Long campaignId, String enteredBy) {
    }

    /**
     * Stores the answer and its first history entry; {@code enteredBy} is the signed-in user.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each bad field; nothing is stored
     */
    Entered enter(EntryInput input, String enteredBy);
}
