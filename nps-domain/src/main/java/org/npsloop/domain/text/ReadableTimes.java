package org.npsloop.domain.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.i18n.Message;

/**
 * The one way the admin UI writes and reads dates and times for people, in their zone and language:
 * {@code 4 déc. 2026, 00:29} / {@code Dec 4, 2026, 12:29 AM}, days {@code 4 déc. 2026} / {@code Dec 4, 2026},
 * relative times for lists ({@code il y a 3 min}, {@code hier}, {@code dans 2 h}), and typed date-times in the
 * language's numeric form ({@code 04/12/2026 00:29} / {@code 12/04/2026 00:29}, or {@code 12/04/2026 12:29 AM} typed), read strictly.
 * Machines (API JSON, CSV) keep ISO-8601: nothing here is for them.
 */
public final class ReadableTimes {

    /** Relative times stop after this many days: beyond, the day itself says more than "23 days ago". */
    static final int RELATIVE_DAYS = 6;

    private static final DateTimeFormatter ISO_INPUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ')
            .optionalEnd().appendPattern("HH:mm").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ReadableTimes() {
    }

    /** {@code 4 déc. 2026, 00:29} (French) or {@code Dec 4, 2026, 12:29 AM} (English), in the zone. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return day(local.toLocalDate(), locale) + ", " + plainSpaces(
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language(locale)).format(local));
    }

    /** {@code 4 déc. 2026} (French) or {@code Dec 4, 2026} (English). */
    public static String day(LocalDate day, Locale locale) {
        return plainSpaces(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language(locale)).format(day));
    }

    /** The day of an instant in the zone, as {@link #day(LocalDate, Locale)}. */
    public static String day(Instant instant, ZoneId zone, Locale locale) {
        return day(LocalDate.ofInstant(instant, zone), locale);
    }

    /**
     * How long ago (or in how long) {@code instant} is from {@code now}: minutes under an hour, hours the same
     * day or under 12 hours, yesterday/tomorrow by the calendar of the zone, days up to {@value #RELATIVE_DAYS},
     * then the day itself. Hours are real elapsed hours, so a DST change does not add or lose one.
     */
    public static String relative(Instant instant, Instant now, ZoneId zone, Locale locale) {
        Duration between = Duration.between(now, instant);
        boolean future = !between.isNegative();
        Duration gap = between.abs();
        long days = Math.abs(ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), LocalDate.ofInstant(instant, zone)));
        Message message;
        if (gap.toMinutes() < 1) {
            message = Message.of(future ? "time.inUnderAMinute" : "time.justNow");
        } else if (gap.toHours() < 1) {
            message = Message.of(future ? "time.inMinutes" : "time.minutesAgo", gap.toMinutes());
        } else if (days == 0 || gap.toHours() < 12) {
            message = Message.of(future ? "time.inHours" : "time.hoursAgo", gap.toHours());
        } else if (days == 1) {
            message = Message.of(future ? "time.tomorrow" : "time.yesterday");
        } else if (days <= RELATIVE_DAYS) {
            message = Message.of(future ? "time.inDays" : "time.daysAgo", days);
        } else {
            return day(instant, zone, locale);
        }
        return message.render(language(locale));
    }

    /**
     * The numeric pattern a date-time is shown in for typing: {@code dd/MM/yyyy HH:mm} in French, {@code MM/dd/yyyy HH:mm}
     * in English (24 hours: PrimeFaces' picker writes no AM/PM in its pattern and would turn 02:30 PM into 02:30).
     */
    public static String inputPattern(Locale locale) {
        return french(locale) ? "dd/MM/yyyy HH:mm" : "MM/dd/yyyy HH:mm";
    }

    /** A date-time as {@link #readDateTime} reads it back, in the pattern of {@link #inputPattern}. */
    public static String inputText(LocalDateTime value, Locale locale) {
        return DateTimeFormatter.ofPattern(inputPattern(locale).replace("yyyy", "uuuu"), language(locale)).format(value);
    }

    /**
     * A typed date-time, strictly (no 31 February, no 25:00, nothing before or after): the language's numeric form
     * ({@code 31/12/2026 14:30}; {@code 12/31/2026 2:30 PM} or {@code 12/31/2026 14:30}), or ISO
     * ({@code 2026-12-31 14:30}), with one or two digits for day, month and hour.
     *
     * @throws IllegalArgumentException when it is none of these or names a moment that does not exist
     */
    public static LocalDateTime readDateTime(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty date and time");
        }
        String value = text.strip().replaceAll("\\s+", " ");
        List<DateTimeFormatter> formats = french(locale)
                ? List.of(strict("d/M/uuuu H:mm", Locale.FRENCH), ISO_INPUT)
                : List.of(strict("M/d/uuuu h:mm a", Locale.ENGLISH), strict("M/d/uuuu H:mm", Locale.ENGLISH), ISO_INPUT);
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDateTime.parse(value, format);
            } catch (DateTimeParseException e) {
                // the next form, if any
            }
        }
        throw new IllegalArgumentException("not a date and time (expected " + inputPattern(locale) + "): " + value);
    }

    private static DateTimeFormatter strict(String pattern, Locale locale) {
        // Single letters take one or two digits; case-insensitive for "pm".
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static boolean french(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage());
    }

    /** French or English, whatever the country: the UI speaks these two. */
    private static Locale language(Locale locale) {
        return french(locale) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** Newer JDKs (CLDR 42+) put narrow no-break spaces before AM/PM, which typed text never has. */
    private static String plainSpaces(String text) {
        return text.replace('\u202f', ' ');
    }
}
