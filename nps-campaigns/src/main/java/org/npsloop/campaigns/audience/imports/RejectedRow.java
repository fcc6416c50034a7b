package org.npsloop.campaigns.audience.imports;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.npsloop.domain.i18n.Message;

/**
 * A record that cannot be imported, with what to tell the user as {@link Message}s (rendered in the reader's
 * language when shown); the raw text cut to the size of {@code import_rejection.raw_line}.
 *
 * @param reasons every problem of the record, e.g. {@code import.line.email.invalid} with "jean.dupont@"
 * @param rawText the record as CSV text (re-joined, quoted where needed)
 */
public record RejectedRow(int line, List<Message> reasons, String rawText) implements ParsedRow {

    public static final int MAX_RAW_TEXT = 2000;

    public RejectedRow {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A rejected line needs a reason");
        }
        rawText = rawText == null ? "" : cut(rawText, MAX_RAW_TEXT);
    }

    public RejectedRow(int line, Message reason, String rawText) {
        this(line, List.of(reason), rawText);
    }

    /** Every problem of the line in this language, joined by "; ". */
    public String reason(Locale locale) {
        return joined(reasons, locale);
    }

    /** The problems of one line as one text, in the reader's language. */
    public static String joined(List<Message> reasons, Locale locale) {
        return reasons.stream().map(reason -> reason.render(locale)).collect(Collectors.joining("; "));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
