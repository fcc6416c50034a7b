package org.npsloop.campaigns.audience.imports;

import java.util.List;
import org.npsloop.domain.i18n.Message;

/**
 * The start of a CSV file, for the user to check the format and choose the column mapping.
 *
 * @param headers    the header line's names, trimmed
 * @param rows       the first non-blank data records, cells trimmed
 * @param suggestion one column per header, in order, guessed from its name and sample values
 * @param problems   why the suggestion is not yet a valid {@link ColumnMapping} (e.g. no email column);
 *                   empty when {@code ColumnMapping.of(suggestion)} will succeed
 */
public record CsvPreview(List<String> headers, List<List<String>> rows, List<ColumnMapping.Column> suggestion,
                         List<Message> problems) {

    public CsvPreview {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        suggestion = List.copyOf(suggestion);
        problems = List.copyOf(problems);
    }
}
