package org.npsloop.domain.audience;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.text.StrictDates;

/**
 * The type of a custom contact attribute, and how text from a CSV file or an API call becomes a
 * value of it. Accepts the spellings French users type: {@code 1 234,5}, {@code 31/12/2025},
 * {@code oui}/{@code non}.
 */
public enum AttributeType {
    TEXT, NUMBER, DATE, BOOLEAN;

    /** The longest text value (contact_attribute.text_value). */
    public static final int MAX_TEXT = 1000;
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "oui", "o", "1", "vrai");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "non", "0", "faux");

    /**
     * @return the typed value: String, Double, LocalDate or Boolean
     * @throws IllegalArgumentException naming the problem, e.g. "not a date (expected 2025-12-31 or 31/12/2025): 31-31"
     */
    public Object parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("value.empty");
        }
        String text = raw.strip();
        return switch (this) {
            case TEXT -> {
                if (text.length() > MAX_TEXT) {
                    throw new InvalidValueException("value.text.tooLong", MAX_TEXT);
                }
                yield text;
            }
            case NUMBER -> parseNumber(text);
            case DATE -> parseDate(text);
            case BOOLEAN -> parseBoolean(text);
        };
    }

    private static Double parseNumber(String text) {
        // "1 234,5" and "1234.5" alike; thin and non-breaking spaces are thousands separators in French.
        String normalised = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (normalised.indexOf(',') >= 0 && normalised.indexOf('.') < 0) {
            normalised = normalised.replace(',', '.');
        }
        try {
            double value = Double.parseDouble(normalised);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("value.number.invalid", text);
        }
    }

    /** Strict (31/02/2025 is refused); an ISO date-time ({@code 2025-12-31T10:00:00Z}) keeps its day. */
    private static LocalDate parseDate(String text) {
        boolean isoDateTime = text.length() > 10 && text.charAt(10) == 'T' && text.indexOf('/') < 0;
        return StrictDates.day(isoDateTime ? text.substring(0, 10) : text);
    }

    private static Boolean parseBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(lower)) {
            return Boolean.TRUE;
        }
        if (FALSE_WORDS.contains(lower)) {
            return Boolean.FALSE;
        }
        throw new InvalidValueException("value.boolean.invalid", text);
    }
}
