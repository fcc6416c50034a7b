package org.npsloop.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.npsloop.domain.i18n.InvalidValueException;

/** "N days after event X": a journey moment that makes a contact due for the survey. */
public record JourneyTrigger(String eventType, int delayDays) implements java.io.Serializable {

    public JourneyTrigger {
        if (eventType == null || eventType.isBlank()) {
            throw new InvalidValueException("campaign.trigger.eventRequired");
        }
        eventType = eventType.trim().toUpperCase(Locale.ROOT);
        if (delayDays < 0 || delayDays > 365) {
            throw new InvalidValueException("campaign.trigger.delayRange", 0, 365);
        }
    }

    /** An event that occurred at {@code occurredAt} makes its contact due at this instant. */
    public Instant dueAt(Instant occurredAt) {
        return occurredAt.plus(Duration.ofDays(delayDays));
    }

    /** The events that became due in (from, to] are those that occurred in (from - delay, to - delay]. */
    public Instant occurredBefore(Instant dueBy) {
        return dueBy.minus(Duration.ofDays(delayDays));
    }
}
