package org.npsloop.reporting.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.InvalidInputException;

/** The CSV of the responses export: BOM, header, separator, quoting, dates in the report zone. */
class ResponseCsvTest {

    private static String csv(char separator) throws Exception {
        StringWriter out = new StringWriter();
        DefaultResponseExportService.CsvRows rows = DefaultResponseExportService.CsvRows.start(out, separator, ZoneId.of("Europe/Paris"));
        rows.row(51, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 4, "Prix ; trop \"élevé\"\net lent, vraiment", true, "PHONE",
                "Printemps", "ONBOARDING", 301L, "zoe@exemple.fr", "Zoé", "Martin", false);
        rows.row(52, OffsetDateTime.parse("2026-07-01T22:30:00Z"), 9, null, false, "EMAIL", null, null, null, null, null, null, true);
        rows.flush();
        return out.toString();
    }

    @Test
    void semicolonsForFrenchExcelWithABomAndQuotedFields() throws Exception {
        String text = csv(';');
        assertEquals('\ufeff', text.charAt(0));
        String[] lines = text.substring(1).split("\r\n", 2);
        assertEquals("id;responded_at;score;category;comment;contact_consent;channel;campaign;journey_moment;contact_id;"
                + "contact_email;contact_name;flagged", lines[0]);
        // The comment holds the separator, quotes and a line break: one quoted field, quotes doubled.
        assertEquals("51;2026-03-01T11:00:00+01:00;4;detractor;\"Prix ; trop \"\"élevé\"\"\net lent, vraiment\";true;PHONE;"
                + "Printemps;ONBOARDING;301;zoe@exemple.fr;Zoé Martin;false\r\n"
                + "52;2026-07-02T00:30:00+02:00;9;promoter;;false;EMAIL;;;;;;true\r\n", lines[1]);
    }

    @Test
    void commasOnRequestParsedBackToTheSameValues() throws Exception {
        String text = csv(',');
        List<CSVRecord> records = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.EXCEL).getRecords();
        assertEquals(3, records.size());
        assertEquals("Prix ; trop \"élevé\"\net lent, vraiment", records.get(1).get(4));
        assertEquals("Zoé Martin", records.get(1).get(11));
        assertEquals("promoter", records.get(2).get(3));
        assertEquals(13, records.get(2).size());
    }

    @Test
    void withoutContactEmailsTheColumnIsLeftOutAndTheNameKept() throws Exception {
        StringWriter out = new StringWriter();
        DefaultResponseExportService.CsvRows rows = DefaultResponseExportService.CsvRows.start(out, ';', ZoneId.of("UTC"), false);
        rows.row(54, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 3, "Slow", true, "EMAIL", "Spring", null, 8L,
                "anais.nobecourt@exemple.fr", "Ana\u00efs", "Nob\u00e9court", false);
        rows.flush();
        String[] lines = out.toString().split("\r\n");
        assertEquals("\ufeffid;responded_at;score;category;comment;contact_consent;channel;campaign;journey_moment;contact_id;"
                + "contact_name;flagged", lines[0]);
        assertEquals("54;2026-03-01T10:00:00Z;3;detractor;Slow;true;EMAIL;Spring;;8;Ana\u00efs Nob\u00e9court;false", lines[1]);
        assertFalse(out.toString().contains("@"), out.toString());
    }

    @Test
    void textThatExcelWouldRunAsAFormulaIsMadeInert() throws Exception {
        StringWriter out = new StringWriter();
        DefaultResponseExportService.CsvRows rows = DefaultResponseExportService.CsvRows.start(out, ';', ZoneId.of("UTC"));
        rows.row(53, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 0, "=HYPERLINK(\"http://evil.example\";\"x\")", false, "EMAIL",
                "+campaign", null, 7L, "@someone@exemple.fr", "-Zoé", null, false);
        rows.flush();
        String line = out.toString().split("\r\n")[1];
        assertEquals("53;2026-03-01T10:00:00Z;0;detractor;\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\";false;EMAIL;"
                + "'+campaign;;7;'@someone@exemple.fr;'-Zoé;false", line);
        assertEquals("Fine - really", org.npsloop.domain.text.SpreadsheetCsv.inert("Fine - really"));
    }

    @Test
    void anotherSeparatorIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DefaultResponseExportService.CsvRows.start(new StringWriter(), '\t', ZoneId.of("UTC")));
        assertEquals("separator", e.errors().get(0).field());
    }
}
