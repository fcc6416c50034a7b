package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.UTF8_BOM;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.WINDOWS_1252;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.detect;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.file;
import static org.npsloop.campaigns.audience.internal.imports.CsvFiles.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;

class FormatDetectionTest {

    @Test
    void utf8WithBom() {
        CsvFormat format = detect(file(StandardCharsets.UTF_8, UTF8_BOM, "\r\n", "email;prénom", "a@exemple.fr;Hélène"));
        assertEquals(new CsvFormat(StandardCharsets.UTF_8, true, ';'), format);
    }

    @Test
    void utf8WithoutBom() {
        CsvFormat format = detect(utf8("email,first name", "a@example.com,Zoë"));
        assertEquals(new CsvFormat(StandardCharsets.UTF_8, false, ','), format);
    }

    @Test
    void plainAsciiIsUtf8() {
        assertEquals(StandardCharsets.UTF_8, detect(utf8("email", "a@example.com")).charset());
    }

    @Test
    void frenchExcelExportIsWindows1252() {
        byte[] file = file(WINDOWS_1252, new byte[0], "\r\n", "email;prénom;ville", "a@exemple.fr;Hélène;Besançon", "b@exemple.fr;Loïc;Gérardmer");
        assertEquals((byte) 0xE9, file[8]); // é is one byte
        assertEquals(new CsvFormat(WINDOWS_1252, false, ';'), detect(file));
    }

    @Test
    void utf8CharacterCutAtTheEndOfTheHeadIsStillUtf8() {
        byte[] file = utf8("email;prénom", "a@exemple.fr;" + "é".repeat(40_000));
        byte[] head = Arrays.copyOf(file, ContactCsvReader.HEAD_SIZE);
        assertEquals((byte) 0xC3, head[head.length - 1]); // the first byte of an é, its second byte cut off
        assertEquals(new CsvFormat(StandardCharsets.UTF_8, false, ';'), detect(head));
    }

    @Test
    void windows1252BeyondTheFirstCharactersIsStillFound() {
        byte[] file = file(WINDOWS_1252, new byte[0], "\n", "email;nom", "a@exemple.fr;" + "x".repeat(30_000) + "é");
        assertEquals(WINDOWS_1252, detect(file).charset());
    }

    @Test
    void tabAndPipe() {
        assertEquals('\t', detect(utf8("email\tprénom\tnom", "a@exemple.fr\tJean\tDupont")).delimiter());
        assertEquals('|', detect(utf8("email|prénom|nom", "a@exemple.fr|Jean|Dupont")).delimiter());
    }

    @Test
    void decimalCommasDoNotMakeItCommaSeparated() {
        assertEquals(';', detect(utf8("email;montant;note", "a@exemple.fr;1,5;2,5", "b@exemple.fr;1 234,5;3,25")).delimiter());
    }

    @Test
    void delimitersInsideQuotesAreIgnored() {
        byte[] file = utf8("email,\"Nom; prénom\",ville", "a@exemple.fr,\"Dupont; Jean\",Paris",
                "b@exemple.fr,\"Martin;\nMarie\",\"Lyon; 69\"", "c@exemple.fr,Durand,Nice");
        assertEquals(',', detect(file).delimiter());
    }

    @Test
    void consistencyBeatsMoreFieldsInTheHeaderOnly() {
        // ';' splits the header into 3 but no record; ',' splits every line into 2.
        byte[] file = utf8("email,remarque; avis; note", "a@exemple.fr,bien", "b@exemple.fr,moyen", "c@exemple.fr,super");
        assertEquals(',', detect(file).delimiter());
    }

    @Test
    void singleColumnFile() {
        CsvFormat format = detect(utf8("email", "a@exemple.fr", "b@exemple.fr"));
        assertEquals(';', format.delimiter());
    }

    @Test
    void utf16WithBomFromExcelUnicodeText() {
        byte[] file = file(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, "\r\n", "email\tprénom", "a@exemple.fr\tHélène");
        CsvFormat format = detect(file);
        assertEquals(new CsvFormat(StandardCharsets.UTF_16LE, true, '\t'), format);
        assertTrue(format.bom());
    }

    @Test
    void emptyFile() {
        assertEquals("The file is empty", assertThrows(IllegalArgumentException.class, () -> detect(new byte[0])).getMessage());
        assertEquals("The file is empty", assertThrows(IllegalArgumentException.class, () -> detect(UTF8_BOM)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n\r\n", "   \n\t\n", ";;;\n"})
    void noHeaderLine(String content) {
        byte[] file = content.getBytes(StandardCharsets.UTF_8);
        assertEquals("No header line", assertThrows(IllegalArgumentException.class, () -> detect(file)).getMessage());
    }

    @Test
    void bomFlagIsFalseWithoutOne() {
        assertFalse(detect(utf8("email")).bom());
    }
}
