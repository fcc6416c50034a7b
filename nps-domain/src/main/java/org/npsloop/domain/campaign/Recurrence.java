package org.npsloop.domain.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.npsloop.domain.i18n.InvalidValueException;

/** How often a recurring campaign surveys its audience again: every N weeks or months. */
public record Recurrence(int every, Unit unit) implements java.io.Serializable {

    public enum Unit {
        WEEKS, MONTHS
    }

    public Recurrence {
        if (unit == null) {
            throw new InvalidValueException("campaign.recurrence.unitRequired");
        }
        if (every < 1 || every > (unit == Unit.WEEKS ? 104 : 24)) {
            throw unit == Unit.WEEKS ? new InvalidValueException("campaign.recurrence.weeksRange", 1, 104)
                    : new InvalidValueException("campaign.recurrence.monthsRange", 1, 24);
        }
    }

    /**
     * When wave {@code wave} (1 = the first) starts. Counted from the first send on the wall clock of
     * the campaign's zone, so that "the 31st, monthly" gives the last day of shorter months and a
     * daylight-saving change does not shift the hour.
     */
    public Instant waveStart(Instant first, int wave, ZoneId zone) {
        ZonedDateTime start = first.atZone(zone);
        long steps = (long) every * (wave - 1);
        return (unit == Unit.WEEKS ? start.plusWeeks(steps) : start.plusMonths(steps)).toInstant();
    }
}
