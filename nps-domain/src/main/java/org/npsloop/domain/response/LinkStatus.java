package org.npsloop.domain.response;

import java.time.Instant;
import org.npsloop.domain.survey.Survey;

/**
 * Whether a respondent's link still takes answers: a link works from the moment its email was sent
 * until its lifetime ends or the survey closes, whichever comes first.
 */
public enum LinkStatus {
    /** Answers and changes are accepted. */
    OPEN,
    /** No invitation has this token, or it was never sent: the link is unknown (HTTP 404). */
    UNKNOWN,
    /** The link's lifetime is over (HTTP 410). */
    EXPIRED,
    /** The survey is closed (HTTP 410). */
    CLOSED;

    /**
     * @param sentAt when the invitation was sent; null when it has not been (its token cannot have been seen)
     */
    public static LinkStatus of(Survey survey, Instant sentAt, Instant now) {
        if (sentAt == null) {
            return UNKNOWN;
        }
        if (!survey.isOpenAt(now)) {
            return CLOSED;
        }
        return now.isBefore(survey.linksExpireAt(sentAt)) ? OPEN : EXPIRED;
    }

    public boolean isGone() {
        return this == EXPIRED || this == CLOSED;
    }
}
