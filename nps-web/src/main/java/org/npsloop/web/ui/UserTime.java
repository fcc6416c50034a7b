package org.npsloop.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.npsloop.domain.text.ReadableTimes;
import org.npsloop.web.security.AccountState;

/**
 * Every date and time of the admin UI, as {@code #{when.dateTime(x)}}, {@code #{when.day(x)}},
 * {@code #{when.relative(x)}} (lists; the exact time goes in a tooltip) and {@code #{when.iso(x)}} (the
 * {@code datetime} attribute of {@code <time>}): in the signed-in user's time zone (their setting, else the
 * report time zone) and the page's language, through {@link ReadableTimes}. Accepts instants, offset or zoned
 * date-times and days; null gives an empty text.
 */
@Named("when")
@RequestScoped
public class UserTime {

    @Inject
    private Clock clock;

    @Inject
    private ReportDays reportDays;

    private ZoneId zone;

    /** The zone this user reads times in. */
    public ZoneId getZone() {
        if (zone == null) {
            Object state = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(AccountState.ATTRIBUTE);
            zone = state instanceof AccountState account && account.timeZone().isPresent()
                    ? account.timeZone().get() : reportDays.zone();
        }
        return zone;
    }

    /** The zone of users who have not chosen one. */
    public ZoneId getReportZone() {
        return reportDays.zone();
    }

    /** {@code 4 déc. 2026, 00:29} / {@code Dec 4, 2026, 12:29 AM}; a day alone is written as a day. */
    public String dateTime(Object value) {
        if (value instanceof LocalDate day) {
            return ReadableTimes.day(day, locale());
        }
        Instant instant = instant(value);
        return instant == null ? "" : ReadableTimes.dateTime(instant, getZone(), locale());
    }

    /** {@code 4 déc. 2026} / {@code Dec 4, 2026}: the day, in this user's zone for an instant. */
    public String day(Object value) {
        if (value instanceof LocalDate day) {
            return ReadableTimes.day(day, locale());
        }
        Instant instant = instant(value);
        return instant == null ? "" : ReadableTimes.day(instant, getZone(), locale());
    }

    /** {@code il y a 3 min}, {@code hier}, {@code dans 2 h}..., then the day. */
    public String relative(Object value) {
        if (value instanceof LocalDate day) {
            return ReadableTimes.day(day, locale());
        }
        Instant instant = instant(value);
        return instant == null ? "" : ReadableTimes.relative(instant, clock.instant(), getZone(), locale());
    }

    /** For {@code <time datetime>}: ISO-8601 with this user's offset, to the minute. */
    public String iso(Object value) {
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        Instant instant = instant(value);
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.MINUTES).atZone(getZone()).toOffsetDateTime());
    }

    /** Now on this user's clock, to the minute: the default of date-time fields. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(getZone())).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A date-time typed by this user, read on their clock (the earlier of the two in a DST overlap). */
    public Instant instantOf(LocalDateTime typed) {
        return typed == null ? null : typed.atZone(getZone()).toInstant();
    }

    /** The moment as this user's clock shows it, for a date-time field. */
    public LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, getZone());
    }

    /** How a date-time is typed on this page: {@code dd/MM/yyyy HH:mm} or {@code MM/dd/yyyy HH:mm}. */
    public String getInputPattern() {
        return ReadableTimes.inputPattern(locale());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value == null) {
            return null;
        }
        throw new IllegalArgumentException("Not a moment: " + value.getClass().getName());
    }
}
