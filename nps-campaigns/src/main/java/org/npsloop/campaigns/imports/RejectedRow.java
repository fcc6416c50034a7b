package org.npsloop.campaigns.imports;

import java.util.Objects;

/**
 * A record that cannot be imported, with what to tell the user; cut to the sizes of
 * {@code import_rejection.reason} and {@code raw_line}.
 *
 * @param reason  every problem of the record, e.g. "invalid email 'jean.dupont@'"
 * @param rawText the record as CSV text (re-joined, quoted where needed)
 */
public record RejectedRow(int line, String reason, String rawText) implements ParsedRow {

    public static final int MAX_REASON = 1000;
    public static final int MAX_RAW_TEXT = 2000;

    public RejectedRow {
        reason = cut(Objects.requireNonNull(reason, "reason"), MAX_REASON);
        rawText = rawText == null ? "" : cut(rawText, MAX_RAW_TEXT);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
