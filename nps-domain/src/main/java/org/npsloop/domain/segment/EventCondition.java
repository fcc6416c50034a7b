package org.npsloop.domain.segment;

import org.npsloop.domain.audience.JourneyEvent;

/**
 * Whether the contact has had a journey event of a type (PURCHASE, RENEWAL...), ever, never or
 * recently. The type is upper-cased as journey events store it.
 *
 * @param days only for {@link EventOccurrence#WITHIN_LAST_DAYS}
 */
public record EventCondition(String eventType, EventOccurrence occurrence, Integer days) implements SegmentRule {

    public EventCondition {
        eventType = JourneyEvent.normaliseType(eventType);
        RuleChecks.require(occurrence, "segment.event.occurrence", eventType);
        if (occurrence == EventOccurrence.WITHIN_LAST_DAYS) {
            RuleChecks.requireDays(days, occurrence.name());
        } else {
            RuleChecks.forbidDays(days, occurrence.name());
        }
    }
}
