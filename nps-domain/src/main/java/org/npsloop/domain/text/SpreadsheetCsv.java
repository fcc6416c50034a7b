package org.npsloop.domain.text;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * The one CSV writer of the application (exports of contacts, lists, segments, responses, import
 * rejection reports): a UTF-8 BOM so that Excel reads accents, a header, and every text cell made
 * inert for spreadsheets. A cell starting with {@code = + - @}, a tab or a carriage return would be
 * run by Excel or LibreOffice as a formula ({@code =HYPERLINK(...)} leaking data), so it gets a
 * leading apostrophe; the CSV readers of the imports remove it again ({@link #restored}), so that an
 * exported file imports back unchanged.
 */
public final class SpreadsheetCsv {

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /**
     * Writes the BOM and the header. The writer stays the caller's: it is flushed, never closed.
     *
     * @param separator ',' or ';'
     */
    public static SpreadsheetCsv start(Writer out, char separator, List<String> header) throws IOException {
        if (separator != ',' && separator != ';') {
            throw new InvalidValueException("csv.separator.invalid", String.valueOf(separator));
        }
        out.write('\ufeff');
        SpreadsheetCsv csv = new SpreadsheetCsv(new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(separator).get()));
        csv.row(new ArrayList<>(header));
        return csv;
    }

    /** One line; text cells are made inert, numbers and booleans written as they are, null as an empty cell. */
    public void row(List<?> values) throws IOException {
        List<Object> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(value instanceof CharSequence text ? inert(text.toString()) : value);
        }
        printer.printRecord(cells);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    /** A text a spreadsheet shows and never runs: a leading apostrophe before a formula's first character. */
    public static String inert(String value) {
        return value != null && !value.isEmpty() && startsLikeFormula(value, 0) ? "'" + value : value;
    }

    /**
     * A cell read from a CSV file without the apostrophe {@link #inert} added: an exported file imports
     * back as it was. Only an apostrophe before a formula's first character is removed.
     */
    public static String restored(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsLikeFormula(String value, int at) {
        char first = value.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
