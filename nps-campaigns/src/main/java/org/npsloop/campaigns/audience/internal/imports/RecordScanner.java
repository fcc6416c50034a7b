package org.npsloop.campaigns.audience.internal.imports;

/**
 * Finds where CSV records end the way {@link CsvSource} (Commons CSV) splits them, without building
 * any value: a quote opens a quoted field only as its first character, {@code ""} inside quotes is a
 * quote, text after the closing quote belongs to the field, CR, LF and CRLF end a record. Used to
 * count records quickly and to try candidate delimiters. Fed in chunks, so it works on a stream.
 */
final class RecordScanner {

    /** Told of each record, blank ones included; returns false to stop the scan. */
    interface Listener {
        boolean record(int fields, boolean blank);
    }

    private static final int FIELD_START = 0;
    private static final int PLAIN = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final char delimiter;
    private final Listener listener;
    private int state = FIELD_START;
    private int fields = 1;
    private boolean content;
    private boolean stopped;

    RecordScanner(char delimiter, Listener listener) {
        this.delimiter = delimiter;
        this.listener = listener;
    }

    /** @return false once the listener has asked to stop */
    boolean feed(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end && !stopped; i++) {
            char c = chars[i];
            if (state == QUOTED) {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED;
                } else if (!content && !Character.isWhitespace(c)) {
                    content = true;
                }
                continue;
            }
            if (state == QUOTE_IN_QUOTED) {
                if (c == '"') {
                    content = true;
                    state = QUOTED;
                    continue;
                }
                state = PLAIN;
            }
            if (c == delimiter) {
                fields++;
                state = FIELD_START;
            } else if (c == '\n' || c == '\r') {
                endRecord(false);
            } else if (c == '"' && state == FIELD_START) {
                state = QUOTED;
            } else {
                state = PLAIN;
                if (!content && !Character.isWhitespace(c)) {
                    content = true;
                }
            }
        }
        return !stopped;
    }

    /** Reports the last record when the input does not end with a line break; an unterminated quoted field counts as content. */
    void finish() {
        if (!stopped) {
            endRecord(state == QUOTED);
        }
    }

    private void endRecord(boolean unterminated) {
        stopped = !listener.record(fields, !content && !unterminated);
        state = FIELD_START;
        fields = 1;
        content = false;
    }
}
