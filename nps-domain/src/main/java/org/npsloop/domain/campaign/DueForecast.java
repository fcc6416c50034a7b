package org.npsloop.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many contacts a journey campaign's trigger makes due on each of the coming days (in the campaign's
 * time zone), from the events already recorded. A contact counts once a day however many events it had;
 * events that became due before the campaign is active do not count (it never looks back, see
 * {@link Campaign#waveStarted}).
 */
public final class DueForecast {

    /** One day: contacts that become due, and how many of them can be mailed (not unsubscribed, bounced...). */
    public record Day(LocalDate date, int due, int reachable) {
    }

    private final JourneyTrigger trigger;
    private final ZoneId zone;
    private final Instant countFrom;
    private final LocalDate firstDay;
    private final int days;
    private final Map<LocalDate, Set<Long>> due = new HashMap<>();
    private final Map<LocalDate, Set<Long>> reachable = new HashMap<>();

    /**
     * @param activeFrom when the campaign starts judging events (its "active from" time), or null: now
     * @param days how many days, today included (1 to 90)
     */
    public DueForecast(JourneyTrigger trigger, ZoneId zone, Instant now, Instant activeFrom, int days) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("A forecast covers 1 to 90 days");
        }
        this.trigger = trigger;
        this.zone = zone;
        this.countFrom = activeFrom != null && activeFrom.isAfter(now) ? activeFrom : now;
        this.firstDay = now.atZone(zone).toLocalDate();
        this.days = days;
    }

    /** The events to read occurred after this instant (excluded)... */
    public Instant occurredAfter() {
        return trigger.occurredBefore(countFrom);
    }

    /** ...and up to this one (included): those due before the end of the last day. */
    public Instant occurredUpTo() {
        return trigger.occurredBefore(firstDay.plusDays(days).atStartOfDay(zone).toInstant());
    }

    /** One event of the trigger's type, of a contact of the audience. */
    public void add(long contactId, Instant occurredAt, boolean canBeMailed) {
        Instant dueAt = trigger.dueAt(occurredAt);
        if (!dueAt.isAfter(countFrom)) {
            return;
        }
        LocalDate day = dueAt.atZone(zone).toLocalDate();
        if (day.isBefore(firstDay) || !day.isBefore(firstDay.plusDays(days))) {
            return;
        }
        due.computeIfAbsent(day, d -> new HashSet<>()).add(contactId);
        if (canBeMailed) {
            reachable.computeIfAbsent(day, d -> new HashSet<>()).add(contactId);
        }
    }

    /** Every day of the forecast, in order, empty days included. */
    public List<Day> days() {
        List<Day> result = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            LocalDate day = firstDay.plusDays(i);
            result.add(new Day(day, due.getOrDefault(day, Set.of()).size(), reachable.getOrDefault(day, Set.of()).size()));
        }
        return result;
    }
}
