package org.npsloop.domain.segment;

/**
 * What a {@link SurveyHistory} rule asks of the contact's surveys. "Surveyed" means an invitation
 * was actually sent, not merely planned.
 */
public enum SurveyCondition {
    /** The latest answer (optionally only if given in the last days) falls in a category. */
    LAST_CATEGORY,
    /** Never sent an invitation. */
    NEVER_SURVEYED,
    /** Sent an invitation in the last given number of days. */
    SURVEYED_WITHIN_DAYS,
    /** Sent no invitation in the last given number of days, including never surveyed. */
    NOT_SURVEYED_WITHIN_DAYS
}
