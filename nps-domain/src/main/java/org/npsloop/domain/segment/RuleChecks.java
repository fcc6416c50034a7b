package org.npsloop.domain.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.npsloop.domain.i18n.InvalidValueException;

/** Checks and wording shared by the rule records, so every rule explains a mistake the same way. */
final class RuleChecks {

    /** Ten years: further back than any segment needs, small enough for any date arithmetic. */
    static final int MAX_DAYS = 3650;

    private RuleChecks() {
    }

    /** @param key the message saying what is missing, and its arguments */
    static <T> T require(T value, String key, Object... arguments) {
        if (value == null) {
            throw new InvalidValueException(key, arguments);
        }
        return value;
    }

    /** @param what the operator or option that takes the days, e.g. WITHIN_LAST_DAYS */
    static void requireDays(Integer days, String what) {
        require(days, "segment.days.required", what);
        checkDaysRange(days);
    }

    static void forbidDays(Integer days, String what) {
        if (days != null) {
            throw new InvalidValueException("segment.days.forbidden", what);
        }
    }

    static void checkDaysRange(Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidValueException("segment.days.range", 1, MAX_DAYS, days);
        }
    }

    /** The values of a condition, stripped; none when null. */
    static List<String> values(List<String> values, Operator operator) {
        if (values == null) {
            return List.of();
        }
        List<String> stripped = new ArrayList<>(values.size());
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException("segment.values.blank", operator.name());
            }
            stripped.add(value.strip());
        }
        return List.copyOf(stripped);
    }

    /** "a", "a or b", "a, b or c": for messages listing the possible choices. */
    static String orList(Collection<?> items) {
        List<String> words = items.stream().map(String::valueOf).toList();
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
