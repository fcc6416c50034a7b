package org.npsloop.domain.segment;

/** When a journey event must have happened for an {@link EventCondition} to hold. */
public enum EventOccurrence {
    /** At least once in the last given number of days. */
    WITHIN_LAST_DAYS,
    /** At least once. */
    EVER,
    /** Not once. */
    NEVER
}
