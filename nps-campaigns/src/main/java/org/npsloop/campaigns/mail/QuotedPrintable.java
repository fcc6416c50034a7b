package org.npsloop.campaigns.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045 §6.7) of a text in UTF-8, with its line breaks as CRLF and lines of at
 * most 76 characters. Written here rather than through Jakarta Mail's encoder streams, which look
 * their provider up with a ServiceLoader scan of the application's class path at every use (Jakarta
 * Mail 2.1: jakartaee/mail-api#699, #861); that was a quarter of the sending threads' time.
 */
final class QuotedPrintable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 76;
    /** Printable ASCII but '=': written as it is anywhere on a line. */
    private static final boolean[] LITERAL = new boolean[256];

    static {
        for (int b = 33; b <= 126; b++) {
            LITERAL[b] = b != '=';
        }
    }

    private QuotedPrintable() {
    }

    /** Appends the encoded text; a line break of any kind (CRLF, LF, CR) becomes a hard CRLF. */
    static void encode(String text, ByteArrayOutputStream out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Into an array of our own: ByteArrayOutputStream.write(int) takes a lock for every byte.
        // Each byte gives at most 3, and a soft break (3) comes at most every 73 of those.
        byte[] encoded = new byte[3 * bytes.length + 3 * (3 * bytes.length / 73 + 1)];
        int length = 0;
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            // Most bytes: printable, and far from the end of the line whatever comes next. This path alone was a
            // quarter of a sending thread's CPU when every byte went through the general one (bench/sending).
            if (LITERAL[b] && column < MAX_LINE - 1) {
                encoded[length++] = (byte) b;
                column++;
                continue;
            }
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                encoded[length++] = '\r';
                encoded[length++] = '\n';
                column = 0;
                continue;
            }
            boolean lastOfLine = i + 1 == bytes.length || bytes[i + 1] == '\r' || bytes[i + 1] == '\n';
            // Printable ASCII but '=' stays as it is; so do space and tab, except at the end of a line.
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lastOfLine);
            int width = literal ? 1 : 3;
            if (column + width > (lastOfLine ? MAX_LINE : MAX_LINE - 1)) { // keep room for the soft break's '='
                encoded[length++] = '=';
                encoded[length++] = '\r';
                encoded[length++] = '\n';
                column = 0;
            }
            if (literal) {
                encoded[length++] = (byte) b;
            } else {
                encoded[length++] = '=';
                encoded[length++] = HEX[b >> 4];
                encoded[length++] = HEX[b & 0x0f];
            }
            column += width;
        }
        out.write(encoded, 0, length);
    }
}
