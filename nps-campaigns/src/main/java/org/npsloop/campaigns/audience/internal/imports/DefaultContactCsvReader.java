package org.npsloop.campaigns.audience.internal.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.campaigns.audience.imports.ParsedRow;

/** Stateless: one instance serves any number of imports at once. */
@ApplicationScoped
public class DefaultContactCsvReader implements ContactCsvReader {

    private static final int COUNT_BUFFER = 64 * 1024;

    @Override
    public CsvFormat detect(byte[] head) {
        return FormatDetector.detect(head);
    }

    @Override
    public CsvPreview preview(InputStream in, CsvFormat format, int maxRows) throws IOException {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows cannot be negative: " + maxRows);
        }
        CsvSource source = new CsvSource(in, format);
        List<List<String>> rows = new ArrayList<>();
        while (rows.size() < maxRows && source.next() && source.record() != null) {
            rows.add(CsvSource.cells(source.record()));
        }
        List<ColumnMapping.Column> suggestion = MappingSuggester.suggest(source.header(), rows);
        return new CsvPreview(source.header(), rows, suggestion, ColumnMapping.problemsOf(suggestion));
    }

    @Override
    public long countRecords(InputStream in, CsvFormat format) throws IOException {
        long[] records = {0};
        RecordScanner scanner = new RecordScanner(format.delimiter(), (fields, blank) -> {
            if (!blank) {
                records[0]++;
            }
            return true;
        });
        SourceReader text = new SourceReader(in, format.charset(), false);
        char[] buffer = new char[COUNT_BUFFER];
        for (int n = text.read(buffer); n != -1; n = text.read(buffer)) {
            scanner.feed(buffer, 0, n);
        }
        scanner.finish();
        return Math.max(0, records[0] - 1); // the header
    }

    @Override
    public void read(InputStream in, CsvFormat format, ColumnMapping mapping, Consumer<? super ParsedRow> rows) throws IOException {
        CsvSource source = new CsvSource(in, format);
        RowConverter converter = new RowConverter(mapping, source.header().size());
        while (source.next()) {
            rows.accept(converter.convert(source));
        }
    }
}
