package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.READER;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.UTF8_BOM;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.WINDOWS_1252;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.file;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.in;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.Message;

class PreviewTest {

    @Test
    void frenchExcelExportWithEveryKindOfColumn() throws IOException {
        byte[] file = file(WINDOWS_1252, new byte[0], "\r\n",
                "Adresse e-mail;Prénom;Nom;Langue;Date d'inscription;Montant;Abonné;Téléphone;Âge;Ville",
                "jean@exemple.fr;Jean;Dupont;FR;31/12/2025;1 234,5;oui;06 12 34 56 78;42;Besançon",
                "marie@exemple.fr;Marie;Martin;EN;2025-01-15;12,5;non;+33 6 12 34 56 78;;Orléans",
                "luc@exemple.fr;Luc;Durand;;;;;;;");

        CsvPreview preview = preview(file, 10);

        assertEquals(List.of("Adresse e-mail", "Prénom", "Nom", "Langue", "Date d'inscription", "Montant", "Abonné", "Téléphone", "Âge", "Ville"),
                preview.headers());
        assertEquals(3, preview.rows().size());
        assertEquals("Besançon", preview.rows().get(0).get(9));
        assertEquals(List.of(
                Column.of(0, ColumnTarget.EMAIL),
                Column.of(1, ColumnTarget.FIRST_NAME),
                Column.of(2, ColumnTarget.LAST_NAME),
                Column.of(3, ColumnTarget.LANGUAGE),
                Column.attribute(4, "date_d_inscription", AttributeType.DATE),
                Column.attribute(5, "montant", AttributeType.NUMBER),
                Column.attribute(6, "abonne", AttributeType.BOOLEAN),
                Column.attribute(7, "telephone", AttributeType.TEXT),
                Column.attribute(8, "age", AttributeType.NUMBER),
                Column.attribute(9, "ville", AttributeType.TEXT)), preview.suggestion());
        assertEquals(List.of(), preview.problems());
        ColumnMapping.of(preview.suggestion().toArray(Column[]::new)); // usable as is
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email|EMAIL", "E-mail|EMAIL", "Courriel|EMAIL", "mail|EMAIL", "Adresse e-mail|EMAIL", "adresse email|EMAIL",
            "First name|FIRST_NAME", "firstname|FIRST_NAME", "Prénom|FIRST_NAME", "prenom|FIRST_NAME",
            "Last Name|LAST_NAME", "lastname|LAST_NAME", "NOM|LAST_NAME", "Nom de famille|LAST_NAME",
            "Language|LANGUAGE", "langue|LANGUAGE", "LANG|LANGUAGE"})
    void headerSpellings(String header, ColumnTarget expected) throws IOException {
        CsvPreview preview = preview(utf8("id;" + header, "1;x"), 5);
        assertEquals(expected, preview.suggestion().get(1).target());
    }

    @Test
    void headersAreTrimmedAndFreeOfTheBom() throws IOException {
        CsvPreview preview = preview(file(StandardCharsets.UTF_8, UTF8_BOM, "\n", "email ; first name ;plan", "a@example.com;Ann;pro"), 5);
        assertEquals(List.of("email", "first name", "plan"), preview.headers());
        assertEquals(ColumnTarget.EMAIL, preview.suggestion().get(0).target());
    }

    @Test
    void missingEmailColumnIsAProblemOfTheMapping() throws IOException {
        CsvPreview preview = preview(utf8("prénom;nom", "Jean;Dupont"), 5);
        assertEquals(List.of(Message.of("import.mapping.noEmail")), preview.problems());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.of(preview.suggestion().toArray(Column[]::new)));
        assertEquals("No column is mapped to the email address", e.getMessage());
    }

    @Test
    void aSecondColumnForTheSameTargetIsNotSuggested() throws IOException {
        CsvPreview preview = preview(utf8("email;courriel;Plan;plan;2e achat", "a@exemple.fr;b@exemple.fr;pro;pro;x"), 5);
        assertEquals(List.of(
                Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.IGNORE),
                Column.attribute(2, "plan", AttributeType.TEXT), Column.of(3, ColumnTarget.IGNORE),
                Column.of(4, ColumnTarget.IGNORE)), preview.suggestion());
        assertEquals(List.of(), preview.problems());
    }

    @Test
    void previewStopsAtMaxRowsAndSkipsBlankLines() throws IOException {
        CsvPreview preview = preview(utf8("email;n", "a@exemple.fr;1", "", "b@exemple.fr;2", "c@exemple.fr;3"), 2);
        assertEquals(List.of(List.of("a@exemple.fr", "1"), List.of("b@exemple.fr", "2")), preview.rows());
        assertEquals(AttributeType.NUMBER, preview.suggestion().get(1).type());
    }

    @Test
    void columnWithoutSamplesIsText() throws IOException {
        assertEquals(AttributeType.TEXT, preview(utf8("email;plan"), 5).suggestion().get(1).type());
    }

    @Test
    void emptyFile() {
        assertEquals("The file is empty", assertThrows(IllegalArgumentException.class, () -> preview(new byte[0], 5)).getMessage());
    }

    private static CsvPreview preview(byte[] file, int maxRows) throws IOException {
        CsvFormat format = file.length == 0 ? new CsvFormat(StandardCharsets.UTF_8, false, ';') : READER.detect(file);
        return READER.preview(in(file), format, maxRows);
    }
}
