package org.npsloop.campaigns.audience.imports;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a CSV file is encoded and split, as {@link ContactCsvReader#detect} found it or the user corrected it.
 *
 * @param charset   the text encoding (UTF-8 or windows-1252 when detected)
 * @param bom       whether the file starts with a byte order mark; informational, since readers skip a
 *                  leading BOM whenever there is one
 * @param delimiter the field separator: {@code ;} {@code ,} tab or {@code |} when detected
 */
public record CsvFormat(Charset charset, boolean bom, char delimiter) {

    public CsvFormat {
        Objects.requireNonNull(charset, "charset");
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("A quote or a line break cannot separate fields");
        }
    }
}
