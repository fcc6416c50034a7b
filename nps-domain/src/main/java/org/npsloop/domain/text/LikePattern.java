package org.npsloop.domain.text;

import java.util.Locale;

/**
 * Search text as a LIKE pattern that matches it literally: {@code %} and {@code _} typed by a user
 * match themselves. Use with {@code LIKE ? ESCAPE '\'} (the same on H2 and PostgreSQL, in SQL and JPQL).
 */
public final class LikePattern {

    /** The clause to put after {@code LIKE ?}, in SQL or JPQL. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private LikePattern() {
    }

    /** Escapes the LIKE wildcards and the escape character itself. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%}, escaped, stripped and lower-cased: for {@code LOWER(column) LIKE ? ESCAPE '\'}. */
    public static String containsIgnoringCase(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }
}
