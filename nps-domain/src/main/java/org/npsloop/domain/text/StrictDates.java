package org.npsloop.domain.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * The one date reader of the application. Dates are ISO ({@code 2025-12-31}) or French
 * ({@code 31/12/2025}), resolved STRICTLY: {@code 31/02/2025} is refused, never turned into 28 February
 * (the default SMART resolver of {@code DateTimeFormatter.ofPattern} does that silently), and nothing
 * may follow the date.
 */
public final class StrictDates {

    /** {@code uuuu}, not {@code yyyy}: STRICT resolution of {@code yyyy} also needs an era. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

    private StrictDates() {
    }

    /**
     * @param text {@code 2025-12-31} or {@code 31/12/2025}, surrounding spaces ignored
     * @throws IllegalArgumentException naming the value, when it is not a date that exists
     */
    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("date.empty");
        }
        String value = text.strip();
        try {
            return LocalDate.parse(value, value.contains("/") ? FRENCH_DATE : ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.invalid", value);
        }
    }

    /**
     * A day typed in a page of this language: ISO, or with slashes in the language's order ({@code 31/12/2025} in
     * French, {@code 12/31/2025} in English), so that an English 12/04/2025 is the 4th of December, not the 12th of April.
     *
     * @throws IllegalArgumentException naming the value, when it is not a date that exists
     */
    public static LocalDate day(String text, java.util.Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        if (!english || text == null || !text.contains("/")) {
            return day(text);
        }
        try {
            return LocalDate.parse(text.strip(), ENGLISH_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (expected 2025-12-31 or 12/31/2025): " + text.strip());
        }
    }

    /**
     * An ISO day only ({@code 2025-12-31}): the API's and the URLs' format.
     *
     * @throws IllegalArgumentException naming the value, when it is not an ISO day that exists
     */
    public static LocalDate isoDay(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("date.empty");
        }
        try {
            return LocalDate.parse(text.strip(), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.iso.invalid", text.strip());
        }
    }

    /** {@link #day} for an optional value: null or blank gives null. */
    public static LocalDate optionalDay(String text) {
        return text == null || text.isBlank() ? null : day(text);
    }

    /**
     * A French date with a time, {@code 31/12/2025 10:00[:00]}, strictly.
     *
     * @throws DateTimeParseException when it is not one that exists
     */
    public static LocalDateTime frenchDateTime(String text) {
        return LocalDateTime.parse(text.strip(), FRENCH_DATE_TIME);
    }
}
