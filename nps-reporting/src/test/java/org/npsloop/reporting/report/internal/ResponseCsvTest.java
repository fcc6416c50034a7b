package org.npsloop.reporting.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.question.AnswerValue;
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

    private static final List<DefaultResponseExportService.QuestionColumn> QUESTIONS = List.of(
            new DefaultResponseExportService.QuestionColumn(11, "TOUCHPOINT_RATING", "Comment s'est passée la livraison ?", Map.of()),
            new DefaultResponseExportService.QuestionColumn(12, "MULTIPLE_CHOICE", "Que faut-il améliorer ?",
                    Map.of("C1", "Les délais", "C2", "Le prix", "C3", "=Le SAV")),
            new DefaultResponseExportService.QuestionColumn(13, "YES_NO", "Rachèteriez-vous ?", Map.of()),
            new DefaultResponseExportService.QuestionColumn(14, "SHORT_TEXT", "Autre chose ?", Map.of()),
            // Another survey words a question alike: its column says which question it is.
            new DefaultResponseExportService.QuestionColumn(21, "SHORT_TEXT", "Autre chose ?", Map.of()));

    @Test
    void aColumnPerQuestionHeadedByItsWordingAndAnswersWrittenForAReader() throws Exception {
        StringWriter out = new StringWriter();
        DefaultResponseExportService.CsvRows rows = DefaultResponseExportService.CsvRows.start(out, ';', ZoneId.of("UTC"), false,
                QUESTIONS, Language.FR);
        Map<Long, AnswerValue> answers = new LinkedHashMap<>();
        answers.put(11L, AnswerValue.ofRating(4));
        answers.put(12L, AnswerValue.ofChoices(List.of("C3", "C1")));
        answers.put(13L, AnswerValue.ofYesNo(false));
        answers.put(14L, AnswerValue.ofText("-Plus de créneaux; le samedi"));
        rows.row(55, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 3, null, false, "PHONE", "Printemps", null, 8L, null, null,
                null, false, answers);
        rows.row(56, OffsetDateTime.parse("2026-03-02T10:00:00Z"), 9, null, false, "EMAIL", null, null, null, null, null,
                null, false, Map.of(13L, AnswerValue.ofYesNo(true), 21L, AnswerValue.EMPTY));
        rows.flush();

        List<CSVRecord> records = CSVParser.parse(new StringReader(out.toString().substring(1)),
                CSVFormat.EXCEL.builder().setDelimiter(';').get()).getRecords();
        assertEquals(List.of("flagged", "Comment s'est passée la livraison ?", "Que faut-il améliorer ?", "Rachèteriez-vous ?",
                "Autre chose ?", "Autre chose ? (21)"), records.get(0).toList().subList(11, 17));
        // The rating a number, the options' labels in the order chosen (a formula made inert), "non", the text inert.
        assertEquals(List.of("4", "'=Le SAV; Les délais", "non", "'-Plus de créneaux; le samedi", ""),
                records.get(1).toList().subList(12, 17));
        assertEquals(List.of("", "", "oui", "", ""), records.get(2).toList().subList(12, 17));
    }

    @Test
    void yesAndNoInEnglishForAnEnglishReader() throws Exception {
        StringWriter out = new StringWriter();
        DefaultResponseExportService.CsvRows rows = DefaultResponseExportService.CsvRows.start(out, ',', ZoneId.of("UTC"), true,
                List.of(new DefaultResponseExportService.QuestionColumn(13, "YES_NO", "Buy again?", Map.of())), Language.EN);
        rows.row(57, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 10, null, false, "EMAIL", null, null, null, null, null,
                null, false, Map.of(13L, AnswerValue.ofYesNo(true)));
        rows.flush();
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines[0].endsWith(",flagged,Buy again?"), lines[0]);
        assertTrue(lines[1].endsWith(",false,yes"), lines[1]);
    }

    @Test
    void anotherSeparatorIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DefaultResponseExportService.CsvRows.start(new StringWriter(), '\t', ZoneId.of("UTC")));
        assertEquals("separator", e.errors().get(0).field());
    }
}
