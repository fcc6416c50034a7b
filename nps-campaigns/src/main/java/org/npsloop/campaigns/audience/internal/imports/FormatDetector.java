package org.npsloop.campaigns.audience.internal.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.domain.i18n.InvalidValueException;

/** Guesses a CSV file's encoding and delimiter from its first bytes. */
final class FormatDetector {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** In order of preference on a tie: semicolon first, as French Excel writes it. */
    private static final String CANDIDATES = ";,\t|";
    /** Data records compared with the header. */
    private static final int SAMPLE = 10;

    private FormatDetector() {
    }

    static CsvFormat detect(byte[] head) {
        // A head shorter than asked for is the whole file: its end is the end of a record and of a character.
        boolean whole = head.length < ContactCsvReader.HEAD_SIZE;
        Charset charset;
        int bomLength;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            // Excel's "Unicode text" export
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            charset = isUtf8(head, whole) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            bomLength = 0;
        }
        if (head.length == bomLength) {
            throw new InvalidValueException("import.file.empty");
        }
        String text = new String(head, bomLength, head.length - bomLength, charset);
        return new CsvFormat(charset, bomLength > 0, delimiter(text, whole));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] head, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not at the end of input when the head was cut: a multi-byte character split there is left
        // undecoded (underflow) instead of being reported as malformed.
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), whole).isError();
    }

    private record Candidate(char delimiter, int preference, int headerFields, int agreeing, int sampled) {

        /** Splits the header, and (nearly) every sampled record into as many fields. */
        boolean consistent() {
            return headerFields > 1 && agreeing * 10 >= sampled * 9;
        }
    }

    private static char delimiter(String text, boolean whole) {
        Comparator<Candidate> best = Comparator.comparing(Candidate::consistent)
                .thenComparingInt(Candidate::headerFields)
                .thenComparingInt(Candidate::agreeing)
                .thenComparing(Comparator.comparingInt(Candidate::preference).reversed());
        Candidate chosen = null;
        for (int i = 0; i < CANDIDATES.length(); i++) {
            List<Integer> fields = fieldCounts(text, CANDIDATES.charAt(i), whole);
            if (fields.isEmpty()) {
                throw new InvalidValueException("import.file.noHeader");
            }
            int header = fields.get(0);
            int agreeing = (int) fields.stream().skip(1).filter(count -> count == header).count();
            Candidate candidate = new Candidate(CANDIDATES.charAt(i), i, header, agreeing, fields.size() - 1);
            if (chosen == null || best.compare(candidate, chosen) > 0) {
                chosen = candidate;
            }
        }
        return chosen.delimiter();
    }

    /** Fields in the header and the first sampled records, blank records skipped. */
    private static List<Integer> fieldCounts(String text, char delimiter, boolean whole) {
        List<Integer> counts = new ArrayList<>();
        RecordScanner scanner = new RecordScanner(delimiter, (fields, blank) -> {
            if (!blank) {
                counts.add(fields);
            }
            return counts.size() <= SAMPLE;
        });
        char[] chars = text.toCharArray();
        boolean more = scanner.feed(chars, 0, chars.length);
        int complete = counts.size();
        scanner.finish();
        // The last record of a cut head is cut too, and would disagree: keep it only when it is the header.
        if (more && !whole && complete > 0) {
            counts.subList(complete, counts.size()).clear();
        }
        return counts;
    }
}
