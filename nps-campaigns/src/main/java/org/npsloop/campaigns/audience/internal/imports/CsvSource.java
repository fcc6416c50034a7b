package org.npsloop.campaigns.audience.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.text.SpreadsheetCsv;

/**
 * One pass over a CSV file with Commons CSV: the header, then each non-blank record with the
 * physical line it starts on.
 */
final class CsvSource {

    private final SourceReader text;
    private final CSVFormat csv;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private boolean ended;
    private int line;
    private CSVRecord record;
    private String unterminatedText;

    /** @throws IllegalArgumentException when the file has no header line */
    CsvSource(InputStream in, CsvFormat format) throws IOException {
        text = new SourceReader(in, format.charset(), true);
        csv = CSVFormat.RFC4180.builder()
                .setDelimiter(format.delimiter())
                // Blank lines come through as records, so that the parser's line count before each record is its start line.
                .setIgnoreEmptyLines(false)
                // "a"b is read as ab (as Excel does) rather than failing the rest of the file.
                .setTrailingData(true)
                .get();
        parser = CSVParser.builder().setReader(text).setFormat(csv).get();
        records = parser.iterator();
        if (!next()) {
            throw new InvalidValueException(text.charsRead() == 0 ? "import.file.empty" : "import.file.noHeader");
        }
        if (record == null) {
            throw new InvalidValueException("import.file.headerUnterminated");
        }
        header = cells(record);
    }

    List<String> header() {
        return header;
    }

    /** Moves to the next non-blank record; false at the end of the file. */
    boolean next() throws IOException {
        while (!ended) {
            line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return false;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e.getCause();
                }
                // With trailing data allowed, the one syntax error left is a quote never closed: the
                // field swallowed the rest of the file, so this is the last record.
                ended = true;
                record = null;
                unterminatedText = textSinceLine(line);
                return true;
            }
            if (!blank(record)) {
                return true;
            }
        }
        return false;
    }

    int line() {
        return line;
    }

    /** The current record, or null when it is an unterminated quoted field. */
    CSVRecord record() {
        return record;
    }

    /** The current record as CSV text, quoted where needed, for the user to recognise it. */
    String rawText() {
        return record == null ? unterminatedText : csv.format((Object[]) record.values());
    }

    /** The cells, each read by {@link #value}. */
    static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(value(value));
        }
        return List.copyOf(cells);
    }

    /** A cell stripped, without the apostrophe our exports put before a formula-like value: an export imports back as it was. */
    static String value(String cell) {
        return SpreadsheetCsv.restored(cell.strip());
    }

    private static boolean blank(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of the file from the start of the given line, found in the reader's tail by counting
     * back the line breaks the parser saw after it; empty when the tail no longer holds that start.
     */
    private String textSinceLine(int startLine) {
        String tail = text.tail();
        long breaksAfterStart = parser.getCurrentLineNumber() - (startLine - 1);
        long seen = 0;
        for (int i = tail.length() - 1; i >= 0; i--) {
            char c = tail.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' && (i + 1 == tail.length() || tail.charAt(i + 1) != '\n');
            if (lineBreak) {
                if (seen == breaksAfterStart) {
                    return tail.substring(i + 1).stripTrailing();
                }
                seen++;
            }
        }
        boolean wholeFile = text.charsRead() == tail.length();
        return wholeFile && seen == breaksAfterStart ? tail.stripTrailing() : "";
    }
}
