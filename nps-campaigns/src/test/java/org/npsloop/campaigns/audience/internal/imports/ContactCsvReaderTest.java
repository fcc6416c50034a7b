package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.READER;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.UTF8_BOM;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.WINDOWS_1252;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.count;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.file;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.in;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.readAll;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.utf8;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.ContactRow;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.ParsedRow;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;

class ContactCsvReaderTest {

    /** email; prénom; nom; langue; signup_date (DATE) */
    private static final ColumnMapping PEOPLE = ColumnMapping.of(
            Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME), Column.of(2, ColumnTarget.LAST_NAME),
            Column.of(3, ColumnTarget.LANGUAGE), Column.attribute(4, "signup_date", AttributeType.DATE));
    private static final String PEOPLE_HEADER = "email;prénom;nom;langue;signup_date";
    private static final ColumnMapping EMAIL_ONLY = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL));

    @Test
    void readsEveryMappedCell() {
        List<ParsedRow> rows = readAll(utf8(PEOPLE_HEADER, " Jean.Dupont@Exemple.FR ; Jean ;Dupont;fr;31/12/2025"), PEOPLE);
        assertEquals(List.of(new ContactRow(2, new EmailAddress("jean.dupont@exemple.fr"), "Jean", "Dupont", Language.FR,
                Map.of("signup_date", LocalDate.of(2025, 12, 31)))), rows);
    }

    @Test
    void windows1252AccentsAreDecoded() {
        byte[] file = file(WINDOWS_1252, new byte[0], "\r\n", "email;prénom;nom;ville",
                "helene@exemple.fr;Hélène;Lefèvre;Besançon", "francois@exemple.fr;François;Garçon;Orléans");
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME),
                Column.of(2, ColumnTarget.LAST_NAME), Column.attribute(3, "ville", AttributeType.TEXT));
        List<ContactRow> contacts = contacts(readAll(file, mapping));
        assertEquals(List.of("Hélène", "François"), contacts.stream().map(ContactRow::firstName).toList());
        assertEquals(List.of("Lefèvre", "Garçon"), contacts.stream().map(ContactRow::lastName).toList());
        assertEquals("Besançon", contacts.get(0).attributes().get("ville"));
    }

    @Test
    void utf8BomIsSkippedAndLinesStillStartAtOne() {
        byte[] file = file(StandardCharsets.UTF_8, UTF8_BOM, "\n", "email;prénom", "zoe@exemple.fr;Zoë");
        List<ParsedRow> rows = readAll(file, ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME)));
        ContactRow zoe = assertInstanceOf(ContactRow.class, rows.get(0));
        assertEquals(2, zoe.line());
        assertEquals("Zoë", zoe.firstName());
    }

    @Test
    void utf16LittleEndianWithBom() {
        byte[] file = file(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, "\r\n", "email\tprénom", "zoe@exemple.fr\tZoë");
        List<ContactRow> contacts = contacts(readAll(file, ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME))));
        assertEquals("Zoë", contacts.get(0).firstName());
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndShiftLineNumbers() {
        byte[] file = utf8(
                "email;prénom;nom;commentaire",                       // 1
                "a@exemple.fr;Jean;\"Dupont; fils\";\"ligne 1",       // 2
                "ligne 2\"",                                          // 3
                "b@exemple.fr;Marie;Martin;\"dit \"\"bonjour\"\"\"",  // 4
                "c@exemple.fr;Luc;Durand;\"\"");                      // 5
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(2, ColumnTarget.LAST_NAME),
                Column.attribute(3, "commentaire", AttributeType.TEXT));
        List<ContactRow> contacts = contacts(readAll(file, mapping));
        assertEquals(List.of(2, 4, 5), contacts.stream().map(ContactRow::line).toList());
        assertEquals("Dupont; fils", contacts.get(0).lastName());
        assertEquals("ligne 1\nligne 2", contacts.get(0).attributes().get("commentaire"));
        assertEquals("dit \"bonjour\"", contacts.get(1).attributes().get("commentaire"));
        assertEquals(Map.of(), contacts.get(2).attributes());
        assertEquals(3, count(file));
    }

    @Test
    void crlfLineEndings() {
        byte[] file = file(StandardCharsets.UTF_8, new byte[0], "\r\n", "email,first name,notes", "a@example.com,Ann,\"two\r\nlines\"",
                "b@example.com,Bob,", "c@example.com,Cy,x");
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME),
                Column.attribute(2, "notes", AttributeType.TEXT));
        List<ContactRow> contacts = contacts(readAll(file, mapping));
        assertEquals(List.of(2, 4, 5), contacts.stream().map(ContactRow::line).toList());
        assertEquals(List.of("Ann", "Bob", "Cy"), contacts.stream().map(ContactRow::firstName).toList());
        assertEquals("two\r\nlines", contacts.get(0).attributes().get("notes"));
        assertEquals("x", contacts.get(2).attributes().get("notes"));
        assertEquals(3, count(file));
    }

    @Test
    void threeBadLinesAmongAThousandGoodOnes() {
        List<String> lines = new ArrayList<>(List.of(PEOPLE_HEADER));
        int good = 0;
        while (good < 1000) {
            int line = lines.size() + 1;
            switch (line) {
                case 102 -> lines.add("jean.dupont@;Jean;Dupont;FR;2025-12-31");
                case 503 -> lines.add("hans@exemple.de;Hans;Müller;DE;2025-12-31");
                case 904 -> lines.add("late@exemple.fr;Léa;Tardive;fr;31-31-2025");
                default -> lines.add("user" + ++good + "@exemple.fr;Prénom" + good + ";Nom" + good + ";" + (good % 2 == 0 ? "EN" : "fr") + ";2025-01-15");
            }
        }
        byte[] file = utf8(lines.toArray(String[]::new));

        List<ParsedRow> rows = readAll(file, PEOPLE);

        assertEquals(1003, rows.size());
        assertEquals(1000, contacts(rows).size());
        assertEquals(List.of(
                new Line(102, "invalid email 'jean.dupont@'", "jean.dupont@;Jean;Dupont;FR;2025-12-31"),
                new Line(503, "unknown language 'DE' (expected EN or FR)", "hans@exemple.de;Hans;Müller;DE;2025-12-31"),
                new Line(904, "signup_date: not a date (expected 2025-12-31 or 31/12/2025): 31-31-2025",
                        "late@exemple.fr;Léa;Tardive;fr;31-31-2025")),
                rejected(rows));
        assertEquals(1003, count(file));
        assertEquals(1004, rows.get(rows.size() - 1).line());
    }

    @Test
    void missingEmailAndEveryOtherProblemOfTheRowAreReported() {
        List<Line> rejected = rejected(readAll(utf8(PEOPLE_HEADER, ";Jean;Dupont;de;hier", "x@exemple.fr;" + "J".repeat(201) + ";;;"), PEOPLE));
        assertEquals("missing email; unknown language 'de' (expected EN or FR); "
                + "signup_date: not a date (expected 2025-12-31 or 31/12/2025): hier", rejected.get(0).reason());
        assertEquals("first name longer than 200 characters", rejected.get(1).reason());
    }

    /** Each reason is a key with its values, rendered in the reader's language: the same line reads in French. */
    @Test
    void reasonsInFrenchWithTheirPlurals() {
        List<String> french = frenchReasons(readAll(utf8(PEOPLE_HEADER, ";Jean;Dupont;de;hier", "x@exemple.fr;" + "J".repeat(201) + ";;;",
                "jean.dupont@;Jean;Dupont;FR;2025-12-31;x", "a@exemple.fr;Jean;Dupont;FR;2025-12-31;x;y"), PEOPLE));
        assertEquals(List.of("e-mail manquant; langue inconnue « de » (attendu : EN ou FR); "
                        + "signup_date : « hier » n'est pas une date (attendu : 2025-12-31 ou 31/12/2025)",
                "prénom de plus de 200 caractères",
                "1 colonne de plus que l'en-tête (colonne inconnue); e-mail invalide « jean.dupont@ »",
                "2 colonnes de plus que l'en-tête (colonne inconnue)"), french);
        List<String> english = rejected(readAll(utf8(PEOPLE_HEADER, "a@exemple.fr;Jean;Dupont;FR;2025-12-31;x"), PEOPLE)).stream()
                .map(Line::reason).toList();
        assertEquals(List.of("1 column more than the header (unknown column)"), english);
    }

    /**
     * A column mapped as NUMBER to an attribute that exists as DATE is read as a DATE (the clash rule): the lines whose
     * value is not a date are rejected with their number, the others import, the file is not refused.
     */
    @Test
    void aClashingColumnIsReadWithTheExistingTypeAndOnlyItsBadLinesAreRejected() {
        ColumnMapping asTyped = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "since", AttributeType.NUMBER));
        ColumnMapping mapping = asTyped.withTypesOf(Map.of("since", AttributeType.DATE));
        List<ParsedRow> rows = readAll(utf8("email;since", "a@exemple.fr;2024-03-01", "b@exemple.fr;12", "c@exemple.fr;01/02/2023"), mapping);
        assertEquals(List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2023, 2, 1)),
                contacts(rows).stream().map(row -> row.attributes().get("since")).toList());
        assertEquals(List.of(new Line(3, "since: not a date (expected 2025-12-31 or 31/12/2025): 12", "b@exemple.fr;12")), rejected(rows));
        assertEquals(List.of("since : « 12 » n'est pas une date (attendu : 2025-12-31 ou 31/12/2025)"), frenchReasons(rows));
    }

    @Test
    void numbersDatesAndBooleansTheFrenchWay() {
        byte[] file = utf8("email;montant;inscription;abonné",
                "a@exemple.fr;1 234,5;31/12/2025;oui",
                "b@exemple.fr;12.5;2025-12-31;non",
                "c@exemple.fr;;;",
                "d@exemple.fr;douze;;");
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "montant", AttributeType.NUMBER),
                Column.attribute(2, "inscription", AttributeType.DATE), Column.attribute(3, "abonne", AttributeType.BOOLEAN));
        List<ParsedRow> rows = readAll(file, mapping);
        LocalDate newYearsEve = LocalDate.of(2025, 12, 31);
        assertEquals(Map.of("montant", 1234.5, "inscription", newYearsEve, "abonne", true), contacts(rows).get(0).attributes());
        assertEquals(Map.of("montant", 12.5, "inscription", newYearsEve, "abonne", false), contacts(rows).get(1).attributes());
        assertEquals(Map.of(), contacts(rows).get(2).attributes(), "empty cells are absent, not null or errors");
        assertEquals(List.of(new Line(5, "montant: not a number: douze", "d@exemple.fr;douze;;")), rejected(rows));
    }

    @ParameterizedTest
    @CsvSource({"EN,EN", "en,EN", "english,EN", "English,EN", "anglais,EN", "en-GB,EN",
            "FR,FR", "fr,FR", "français,FR", "Français,FR", "francais,FR", "french,FR", "fr_FR,FR"})
    void languageSpellings(String cell, Language expected) {
        ContactRow row = contacts(readAll(utf8("email;langue", "a@exemple.fr;" + cell), languageMapping())).get(0);
        assertEquals(expected, row.language());
    }

    @Test
    void emptyLanguageMeansKeepTheCurrentOne() {
        assertNull(contacts(readAll(utf8("email;langue", "a@exemple.fr; "), languageMapping())).get(0).language());
    }

    @Test
    void extraColumnsRejectTheRowButTrailingEmptyCellsDoNot() {
        byte[] file = utf8("email;prénom;nom",
                "a@exemple.fr;Jean;Dupont;x;y;z",
                "b@exemple.fr;Marie;Martin;;",
                "c@exemple.fr;Luc",
                "d@exemple.fr;Lou;Roux;;surprise");
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.FIRST_NAME), Column.of(2, ColumnTarget.LAST_NAME));
        List<ParsedRow> rows = readAll(file, mapping);
        assertEquals(List.of(
                new Line(2, "3 columns more than the header (unknown column)", "a@exemple.fr;Jean;Dupont;x;y;z"),
                new Line(5, "2 columns more than the header (unknown column)", "d@exemple.fr;Lou;Roux;;surprise")), rejected(rows));
        List<ContactRow> contacts = contacts(rows);
        assertEquals("Martin", contacts.get(0).lastName());
        assertNull(contacts.get(1).lastName(), "a short record has empty cells");
    }

    @Test
    void blankLinesAreSkippedNotRejected() {
        byte[] file = utf8("", "email;nom", "a@exemple.fr;Dupont", "", "   ", ";;", "b@exemple.fr;Martin", "", "");
        List<ParsedRow> rows = readAll(file, EMAIL_ONLY);
        assertEquals(List.of(3, 7), rows.stream().map(ParsedRow::line).toList());
        assertEquals(2, contacts(rows).size());
        assertEquals(2, count(file));
    }

    @Test
    void unterminatedQuotedFieldRejectsTheRestOfTheFile() {
        byte[] file = utf8("email;nom", "a@exemple.fr;Dupont", "b@exemple.fr;\"Martin", "c@exemple.fr;Durand");
        List<ParsedRow> rows = readAll(file, EMAIL_ONLY);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals(new Line(3, "unterminated quoted field (a quote opened and never closed)", "b@exemple.fr;\"Martin\nc@exemple.fr;Durand"),
                english(rows.get(1)));
        assertEquals(2, count(file));
    }

    @Test
    void unterminatedQuotedFieldFarIntoALargeFile() {
        List<String> lines = new ArrayList<>(List.of("email;nom"));
        for (int i = 0; i < 5000; i++) {
            lines.add("user" + i + "@exemple.fr;\"Nom\r\nsur deux lignes\"");
        }
        lines.add("last@exemple.fr;\"Jamais fermé");
        lines.add("x".repeat(100));
        byte[] file = utf8(lines.toArray(String[]::new));
        assertTrue(file.length > 3 * SourceReader.TAIL);
        List<ParsedRow> rows = readAll(file, EMAIL_ONLY);
        assertEquals(5001, rows.size());
        assertEquals(new Line(2 + 5000 * 2, "unterminated quoted field (a quote opened and never closed)",
                "last@exemple.fr;\"Jamais fermé\n" + "x".repeat(100)), english(rows.get(5000)));
        assertEquals(5001, count(file));
    }

    /** The default SMART resolver stored 31/02/2025 as 28 February 2025. */
    @Test
    void aDayThatDoesNotExistIsRejectedWithItsLineNumber() {
        List<ParsedRow> rows = readAll(utf8(PEOPLE_HEADER, "a@exemple.fr;Jean;Dupont;FR;28/02/2025",
                "b@exemple.fr;Lou;Roux;FR;31/02/2025"), PEOPLE);
        assertEquals(List.of(new Line(3, "signup_date: not a date (expected 2025-12-31 or 31/12/2025): 31/02/2025",
                "b@exemple.fr;Lou;Roux;FR;31/02/2025")), rejected(rows));
    }

    @Test
    void theApostropheOfAnExportedFormulaLikeCellIsRemovedOnImport() {
        List<ParsedRow> rows = readAll(utf8(PEOPLE_HEADER, "a@exemple.fr;'=HYPERLINK(1);'-Dupont;FR;", "b@exemple.fr;O'Neil;'Brien;FR;"), PEOPLE);
        List<ContactRow> contacts = contacts(rows);
        assertEquals("=HYPERLINK(1)", contacts.get(0).firstName());
        assertEquals("-Dupont", contacts.get(0).lastName());
        assertEquals("'Brien", contacts.get(1).lastName(), "an apostrophe before an ordinary value is the person's");
    }

    @Test
    void rawTextIsTheRecordRequotedAndCut() {
        byte[] file = utf8("email;nom;notes", "\"pas une adresse\";\"Dupont; fils\";\"a \"\"b\"\"\"", "x;" + "n".repeat(3000) + ";");
        List<Line> rejected = rejected(readAll(file, EMAIL_ONLY));
        assertEquals("pas une adresse;\"Dupont; fils\";\"a \"\"b\"\"\"", rejected.get(0).rawText());
        assertEquals(RejectedRow.MAX_RAW_TEXT, rejected.get(1).rawText().length());
        assertTrue(rejected.get(1).rawText().startsWith("x;nnn"));
    }

    @Test
    void headerOnly() throws Exception {
        byte[] file = utf8("email;nom");
        assertEquals(List.of(), readAll(file, EMAIL_ONLY));
        assertEquals(0, count(file));
        assertEquals(0, count("email;nom".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyFileAndFileWithoutHeader() {
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, false, ';');
        assertEquals("The file is empty", assertThrows(IllegalArgumentException.class,
                () -> READER.read(in(new byte[0]), format, EMAIL_ONLY, row -> { })).getMessage());
        assertEquals("No header line", assertThrows(IllegalArgumentException.class,
                () -> READER.read(in(utf8("", " ", ";;")), format, EMAIL_ONLY, row -> { })).getMessage());
    }

    @Test
    void mappingBeyondTheHeaderIsRefused() {
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(4, "plan", AttributeType.TEXT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readAll(utf8("email;nom", "a@exemple.fr;Dupont"), mapping));
        assertEquals("Column 5 is mapped but the header has 2 columns", e.getMessage());
    }

    @Test
    void batchesOfAThousandForTheImportJob() throws Exception {
        List<String> lines = new ArrayList<>(List.of("email"));
        for (int i = 0; i < 2500; i++) {
            lines.add("user" + i + "@exemple.fr");
        }
        byte[] file = utf8(lines.toArray(String[]::new));
        List<Integer> sizes = new ArrayList<>();
        READER.readBatches(in(file), READER.detect(file), EMAIL_ONLY, 1000, batch -> sizes.add(batch.size()));
        assertEquals(List.of(1000, 1000, 500), sizes);
        assertEquals(2500, count(file));
    }

    private static ColumnMapping languageMapping() {
        return ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.LANGUAGE));
    }

    private static List<ContactRow> contacts(List<ParsedRow> rows) {
        return rows.stream().filter(ContactRow.class::isInstance).map(ContactRow.class::cast).toList();
    }

    /** A rejected line as an English reader sees it. */
    private record Line(int line, String reason, String rawText) {
    }

    private static Line english(ParsedRow row) {
        RejectedRow rejected = (RejectedRow) row;
        return new Line(rejected.line(), rejected.reason(Locale.ENGLISH), rejected.rawText());
    }

    private static List<Line> rejected(List<ParsedRow> rows) {
        return rows.stream().filter(RejectedRow.class::isInstance).map(ContactCsvReaderTest::english).toList();
    }

    private static List<String> frenchReasons(List<ParsedRow> rows) {
        return rows.stream().filter(RejectedRow.class::isInstance).map(row -> ((RejectedRow) row).reason(Locale.FRENCH)).toList();
    }
}
