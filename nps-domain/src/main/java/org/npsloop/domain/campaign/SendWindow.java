package org.npsloop.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * When a campaign may send: hours of the day [fromHour, toHour) on some weekdays, read in the
 * campaign's time zone. Invitations that become due outside it wait for the next opening, so nobody
 * is surveyed at 3 a.m. or on a Sunday.
 */
@Embeddable
public class SendWindow {

    /** Every hour of every day. */
    public static final SendWindow ALWAYS = new SendWindow(0, 24, EnumSet.allOf(DayOfWeek.class));

    @Column(name = "window_from_hour")
    private Integer fromHour;

    @Column(name = "window_to_hour")
    private Integer toHour;

    /** ISO day numbers, comma-separated (1 = Monday). */
    @Column(name = "window_days", length = 30)
    private String days;

    protected SendWindow() {
        // for JPA
    }

    public SendWindow(int fromHour, int toHour, Set<DayOfWeek> days) {
        check(fromHour, toHour, days);
        this.fromHour = fromHour;
        this.toHour = toHour;
        this.days = EnumSet.copyOf(days).stream().map(d -> Integer.toString(d.getValue())).collect(Collectors.joining(","));
    }

    /** The rule of a window, for whoever checks one before it is stored (the campaigns API's typed settings). */
    public static void check(int fromHour, int toHour, Set<DayOfWeek> days) {
        if (fromHour < 0 || fromHour > 23 || toHour < 1 || toHour > 24 || fromHour >= toHour) {
            throw new InvalidValueException("campaign.window.hours");
        }
        if (days == null || days.isEmpty()) {
            throw new InvalidValueException("campaign.window.days");
        }
    }

    /** Parses "MON,TUE" or "1,2" (ISO numbers); for the API and the admin form. */
    public static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return parsed;
        }
        for (String part : text.split("[,\\s]+")) {
            String day = part.trim().toUpperCase(Locale.ROOT);
            if (day.isEmpty()) {
                continue;
            }
            if (day.chars().allMatch(Character::isDigit)) {
                parsed.add(DayOfWeek.of(Integer.parseInt(day)));
            } else {
                parsed.add(Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(day) && day.length() >= 2)
                        .findFirst().orElseThrow(() -> new InvalidValueException("campaign.window.unknownDay", part)));
            }
        }
        return parsed;
    }

    public int fromHour() {
        return fromHour == null ? 0 : fromHour;
    }

    public int toHour() {
        return toHour == null ? 24 : toHour;
    }

    public Set<DayOfWeek> days() {
        if (days == null || days.isBlank()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        return parseDays(days);
    }

    public boolean isAlways() {
        return fromHour() == 0 && toHour() == 24 && days().size() == 7;
    }

    /** {@code at} itself when the window is open then, else the next instant it opens. */
    public Instant nextOpening(Instant at, ZoneId zone) {
        Set<DayOfWeek> open = days();
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= 7; day++, date = date.plusDays(1)) {
            if (!open.contains(date.getDayOfWeek())) {
                continue;
            }
            // atStartOfDay + hours walks through a daylight-saving change the way a clock on the wall does.
            ZonedDateTime opens = date.atStartOfDay(zone).plusHours(fromHour());
            ZonedDateTime closes = toHour() == 24 ? date.plusDays(1).atStartOfDay(zone) : date.atStartOfDay(zone).plusHours(toHour());
            if (!local.isAfter(opens)) {
                return opens.toInstant();
            }
            if (local.isBefore(closes)) {
                return at;
            }
        }
        throw new IllegalStateException("unreachable: a window with a weekday opens within a week");
    }

    @Override
    public String toString() {
        return days().stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(",")) + " " + fromHour() + "h-"
                + toHour() + "h";
    }
}
