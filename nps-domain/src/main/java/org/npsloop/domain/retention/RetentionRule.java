package org.npsloop.domain.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a retention run removes, one rule per kind of data, each with its unit: months for what people are and said
 * (contacts, comments), days for what sending leaves behind (tokens and delivery data, outbox mails, webhook payloads).
 */
public enum RetentionRule {

    /** Contacts neither surveyed nor updated for the period: erased (the GDPR erasure). */
    CONTACTS("contactMonths", ChronoUnit.MONTHS, 1200),
    /** Responses given before the period: comment, short-text answers and link to the person removed; scores kept. */
    COMMENTS("commentMonths", ChronoUnit.MONTHS, 1200),
    /** Invitations sent (or ended unsent) before the period: token and delivery data purged. */
    INVITATIONS("invitationDays", ChronoUnit.DAYS, 36500),
    /** Development-outbox mails older than the period: deleted. */
    OUTBOX("outboxDays", ChronoUnit.DAYS, 36500),
    /** Finished webhook deliveries older than the period: deleted with their payloads. */
    WEBHOOKS("webhookDays", ChronoUnit.DAYS, 36500);

    private final String field;
    private final ChronoUnit unit;
    private final int max;

    RetentionRule(String field, ChronoUnit unit, int max) {
        this.field = field;
        this.unit = unit;
        this.max = max;
    }

    /** The name of its period in the API and on the settings page. */
    public String field() {
        return field;
    }

    public ChronoUnit unit() {
        return unit;
    }

    /** The longest period accepted (a hundred years): 1 to this, or 0 for off. */
    public int max() {
        return max;
    }

    /**
     * The instant before which data falls under the rule: {@code period} calendar months (in UTC, so the 31st of a
     * month goes back to the last day of a shorter month) or days before {@code now}.
     */
    public Instant cutoff(int period, Instant now) {
        if (period <= 0) {
            throw new IllegalArgumentException(this + " is off");
        }
        return now.atZone(ZoneOffset.UTC).minus(period, unit).toInstant();
    }
}
