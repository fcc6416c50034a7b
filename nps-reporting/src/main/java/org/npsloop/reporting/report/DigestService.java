package org.npsloop.reporting.report;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The weekly digest: chosen users receive, once a week at a weekday and hour of the report time zone,
 * the NPS of the last 7 days with its margin of error and its change since the 7 days before, the
 * counts, the top themes, the open follow-ups and a link to the full report.
 */
public interface DigestService {

    /** @param recipients ids of the users who receive it */
    record Settings(boolean enabled, DayOfWeek weekday, int hour, List<Long> recipients) {

        public Settings {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    /** A user who can receive the digest: enabled, with an email address. */
    record Candidate(long id, String username, String displayName, String email) {
    }

    Settings settings();

    /** Users the digest can go to, by name. */
    List<Candidate> candidates();

    /**
     * Saved as a whole; the first digest goes at the next weekday and hour to come.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each wrong field (hour, weekday, recipients)
     */
    Settings save(Settings settings, String changedBy);

    /**
     * The digest of the last 7 days (today included) to the user's own address, now.
     *
     * @return the address it went to
     * @throws org.npsloop.domain.validation.InvalidInputException when the user has no email address
     */
    String sendNow(String username);

    /**
     * The worker's round: when this week's weekday and hour have passed and no instance has claimed this
     * week yet, claims it and sends the digest to every recipient.
     *
     * @return the number of mails sent (0 when nothing was due)
     */
    int sendIfDue();
}
