package org.npsloop.campaigns.audience.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads contact CSV files: detects their format, previews them, counts and streams their records.
 * A "record" is a CSV row, possibly spanning several physical lines through quoted line breaks;
 * blank records (empty lines, or only separators and spaces) are skipped everywhere. The first
 * non-blank record is the header. Methods read the stream as far as they need and never close it.
 */
public interface ContactCsvReader {

    /** How much of the file {@link #detect} wants. */
    int HEAD_SIZE = 64 * 1024;

    /**
     * Guesses the encoding and delimiter.
     *
     * @param head the first {@link #HEAD_SIZE} bytes of the file, or the whole file when it is shorter
     *             (e.g. {@code in.readNBytes(HEAD_SIZE)}); a shorter head is taken to be the whole file
     * @throws IllegalArgumentException "The file is empty" or "No header line"
     */
    CsvFormat detect(byte[] head);

    /**
     * The header and up to {@code maxRows} data records, with a suggested column mapping.
     *
     * @throws IllegalArgumentException "The file is empty" or "No header line"
     */
    CsvPreview preview(InputStream in, CsvFormat format, int maxRows) throws IOException;

    /**
     * The number of data records {@link #read} will produce, found by a fast scan that builds no
     * values: the denominator of a progress bar.
     */
    long countRecords(InputStream in, CsvFormat format) throws IOException;

    /**
     * Streams every data record, in file order, as a {@link ContactRow} or a {@link RejectedRow}, holding
     * only the current one in memory.
     *
     * @throws IllegalArgumentException when the file has no header or the mapping uses a column beyond it
     */
    void read(InputStream in, CsvFormat format, ColumnMapping mapping, Consumer<? super ParsedRow> rows) throws IOException;

    /** {@link #read}, handing the rows over in lists of {@code batchSize} (the last one may be shorter). */
    default void readBatches(InputStream in, CsvFormat format, ColumnMapping mapping, int batchSize,
                             Consumer<? super List<ParsedRow>> batches) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one row");
        }
        List<ParsedRow> batch = new ArrayList<>(batchSize);
        read(in, format, mapping, row -> {
            batch.add(row);
            if (batch.size() == batchSize) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }
}
