package org.npsloop.campaigns.audience.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.ParsedRow;

/** Test files built byte by byte, so that encodings, BOMs and line endings are exactly what each test says. */
final class CsvFiles {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static final ContactCsvReader READER = new DefaultContactCsvReader();

    private CsvFiles() {
    }

    /** The lines, each followed by the line ending, encoded in the charset, after the BOM if any. */
    static byte[] file(Charset charset, byte[] bom, String lineEnding, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        for (String line : lines) {
            out.writeBytes((line + lineEnding).getBytes(charset));
        }
        return out.toByteArray();
    }

    /** UTF-8, no BOM, LF. */
    static byte[] utf8(String... lines) {
        return file(StandardCharsets.UTF_8, new byte[0], "\n", lines);
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Detects the format as the import page will, then reads every row. */
    static List<ParsedRow> readAll(byte[] file, ColumnMapping mapping) {
        List<ParsedRow> rows = new ArrayList<>();
        try {
            READER.read(in(file), READER.detect(file), mapping, rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static long count(byte[] file) {
        try {
            return READER.countRecords(in(file), READER.detect(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvFormat detect(byte[] file) {
        return READER.detect(file);
    }
}
