package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.READER;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.ContactRow;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.domain.audience.AttributeType;

/** 200,000 rows generated while they are read: neither the test nor the reader ever holds the file. */
class LargeFileTest {

    private static final int ROWS = 200_000;
    private static final CsvFormat FORMAT = new CsvFormat(StandardCharsets.UTF_8, false, ';');
    private static final ColumnMapping MAPPING = ColumnMapping.of(
            Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME), Column.of(2, ColumnTarget.LAST_NAME),
            Column.of(3, ColumnTarget.LANGUAGE), Column.attribute(4, "signup_date", AttributeType.DATE),
            Column.attribute(5, "plan", AttributeType.TEXT), Column.attribute(6, "montant", AttributeType.NUMBER),
            Column.attribute(7, "abonne", AttributeType.BOOLEAN));

    @Test
    void streamsTwoHundredThousandRows() throws Exception {
        AtomicLong contacts = new AtomicLong();
        AtomicLong lastLine = new AtomicLong();
        long start = System.nanoTime();
        READER.read(generated(ROWS), FORMAT, MAPPING, row -> {
            if (row instanceof ContactRow) {
                contacts.incrementAndGet();
            }
            lastLine.set(row.line());
        });
        long readNanos = System.nanoTime() - start;

        start = System.nanoTime();
        long counted = READER.countRecords(generated(ROWS), FORMAT);
        long countNanos = System.nanoTime() - start;

        assertEquals(ROWS, contacts.get());
        assertEquals(ROWS + 1, lastLine.get());
        assertEquals(ROWS, counted);
        System.out.printf("Contact CSV: read %,d rows in %d ms (%,.0f rows/s); counted them in %d ms (%,.0f rows/s)%n",
                ROWS, readNanos / 1_000_000, ROWS * 1e9 / readNanos, countNanos / 1_000_000, ROWS * 1e9 / countNanos);
    }

    /** A CSV file of the given number of data rows, produced one row at a time as it is read. */
    static InputStream generated(int rows) {
        return new InputStream() {
            private int next = -1;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() {
                return fill() ? current[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }

            private boolean fill() {
                while (position == current.length) {
                    if (next == rows) {
                        return false;
                    }
                    current = line(next++).getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                return true;
            }
        };
    }

    private static String line(int row) {
        if (row < 0) {
            return "email;prénom;nom;langue;signup_date;plan;montant;abonné\r\n";
        }
        return "client" + row + "@exemple.fr;Prénom" + row + ";\"Nom; " + row + "\";" + (row % 3 == 0 ? "EN" : "fr") + ";"
                + (row % 2 == 0 ? "31/12/2025" : "2025-06-15") + ";" + (row % 5 == 0 ? "" : "pro") + ";1 234,5;"
                + (row % 2 == 0 ? "oui" : "non") + "\r\n";
    }
}
