package org.npsloop.campaigns.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our quoted-printable against Jakarta Mail's decoder, and the line rules of RFC 2045. */
class QuotedPrintableTest {

    @Test
    void tricky_texts_decode_back_to_themselves() throws Exception {
        String[] texts = {
            "", "a", "=", "==3D", "Quelle est la probabilité ? Ne plus recevoir ces enquêtes.",
            "trailing space \nand tab\t\nand the end ", "tab\tinside", "emoji 😀 and ümlaut",
            "x".repeat(75), "x".repeat(76), "x".repeat(77), "é".repeat(40), "x".repeat(74) + "é" + "x".repeat(10),
            " ".repeat(200), "<a href=\"https://nps.example/r/abc?score=10\" style=\"color:#fff\">10</a>",
            ".\n.leading dot\n..", "line\r\nwindows\rmac\nunix",
        };
        for (String text : texts) {
            assertEquals(text.replace("\r\n", "\n").replace('\r', '\n'), decode(text), text);
        }
    }

    @Test
    void random_texts_decode_back_and_keep_lines_of_at_most_76_characters() throws Exception {
        Random random = new Random(42);
        String alphabet = "abcdefghij =\t\néàü€😀<>\"'.-_/?&#;";
        int[] points = alphabet.codePoints().toArray();
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(400); i > 0; i--) {
                text.appendCodePoint(points[random.nextInt(points.length)]);
            }
            assertEquals(text.toString(), decode(text.toString()));
        }
    }

    @Test
    void long_lines_break_softly_at_76_characters_whatever_the_mix() throws Exception {
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 =\té€<>\"'.-_/?&#;";
        int[] points = alphabet.codePoints().toArray();
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(1000); i > 0; i--) {
                text.appendCodePoint(points[random.nextInt(points.length)]);
            }
            if (round % 3 == 0) {
                text.append("\n").append("y".repeat(random.nextInt(160))).append(round % 2 == 0 ? " " : "");
            }
            assertEquals(text.toString(), decode(text.toString()));
        }
    }

    private static String decode(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotedPrintable.encode(text, out);
        String encoded = out.toString(StandardCharsets.US_ASCII);
        for (String line : encoded.split("\r\n", -1)) {
            assertTrue(line.length() <= 76, "line of " + line.length() + ": " + line);
            assertTrue(line.chars().allMatch(c -> c >= 32 && c <= 126 || c == '\t'), line);
            assertTrue(line.isEmpty() || !(line.endsWith(" ") || line.endsWith("\t")), "trailing white space: " + line);
        }
        assertTrue(!encoded.contains("\n") || encoded.replace("\r\n", "").indexOf('\n') < 0, "bare LF");
        byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(out.toByteArray()), "quoted-printable").readAllBytes();
        return new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
