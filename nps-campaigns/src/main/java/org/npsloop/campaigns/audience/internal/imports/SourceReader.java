package org.npsloop.campaigns.audience.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * The decoded text of an uploaded file, without its byte order mark. Optionally keeps the last
 * characters read: an unterminated quoted field runs to the end of the file, and once the parser
 * has failed on it this is the only place its text is still available.
 */
final class SourceReader extends Reader {

    static final int TAIL = 64 * 1024;
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final char[] tail;
    private long total;
    private boolean started;

    SourceReader(InputStream in, Charset charset, boolean keepTail) {
        this.in = new InputStreamReader(in, charset);
        this.tail = keepTail ? new char[TAIL] : null;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (!started && n > 0) {
            started = true;
            if (buffer[offset] == BOM) {
                System.arraycopy(buffer, offset + 1, buffer, offset, --n);
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        if (n > 0) {
            keep(buffer, offset, n);
            total += n;
        }
        return n;
    }

    /** Characters delivered so far (the BOM not included). */
    long charsRead() {
        return total;
    }

    /** The last {@link #TAIL} characters read (all of them when there were fewer). */
    String tail() {
        int size = (int) Math.min(total, TAIL);
        int start = (int) ((total - size) % TAIL);
        int firstPart = Math.min(size, TAIL - start);
        return new StringBuilder(size).append(tail, start, firstPart).append(tail, 0, size - firstPart).toString();
    }

    private void keep(char[] chars, int offset, int n) {
        if (tail == null) {
            return;
        }
        int skip = Math.max(0, n - TAIL);
        long position = total + skip;
        for (int from = offset + skip, left = n - skip; left > 0; ) {
            int at = (int) (position % TAIL);
            int chunk = Math.min(left, TAIL - at);
            System.arraycopy(chars, from, tail, at, chunk);
            position += chunk;
            from += chunk;
            left -= chunk;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
