package org.npsloop.domain.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks and wording shared by the rule records, so every rule explains a mistake the same way. */
final class RuleChecks {

    /** Ten years: further back than any segment needs, small enough for any date arithmetic. */
    static final int MAX_DAYS = 3650;

    private RuleChecks() {
    }

    static <T> T require(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    /** @param what the operator or option that takes the days, e.g. WITHIN_LAST_DAYS */
    static void requireDays(Integer days, String what) {
        require(days, what + " needs a number of days");
        checkDaysRange(days);
    }

    static void forbidDays(Integer days, String what) {
        if (days != null) {
            throw new IllegalArgumentException(what + " takes no number of days");
        }
    }

    static void checkDaysRange(Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + "; got " + days);
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
                throw new IllegalArgumentException(operator + " needs non-empty values");
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
