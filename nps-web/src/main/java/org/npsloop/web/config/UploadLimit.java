package org.npsloop.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size cap of every upload (contact CSV by page or API, events CSV): {@code nps.upload.max-bytes},
 * 50 MB by default. A declared length over it is refused before reading; a body that grows past it while
 * read is cut off there, and its readers throw away what they had read, so nothing is half stored.
 */
@ApplicationScoped
public class UploadLimit {

    /**
     * What is read and thrown away of a refused body, as Tomcat's maxSwallowSize does: most HTTP clients
     * only read the 413 once they have sent their body. Beyond it the connection is simply closed.
     */
    static final long SWALLOW_BYTES = 2L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "nps.upload.max-bytes", defaultValue = "52428800")
    long maxBytes;

    public long maxBytes() {
        return maxBytes;
    }

    /** The same number in MB, for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    /**
     * The body, failing with {@link UploadTooLargeException} at once when its declared length is over the
     * cap, or as soon as more than the cap is read.
     *
     * @param declaredLength Content-Length or the size of a received file; negative when unknown
     */
    public InputStream bounded(InputStream body, long declaredLength) throws UploadTooLargeException {
        if (declaredLength > maxBytes) {
            swallow(body);
            throw new UploadTooLargeException(maxBytes);
        }
        return capped(body, maxBytes);
    }

    private static void swallow(InputStream body) {
        try {
            long left = SWALLOW_BYTES;
            byte[] buffer = new byte[8192];
            int n;
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: nothing more to do.
        }
    }

    /**
     * The whole body in a private temporary file (0600), within the cap, for readers that store as they read:
     * they get a complete file or nothing. The caller deletes it.
     */
    public Path spool(InputStream body, long declaredLength) throws IOException {
        InputStream in = bounded(body, declaredLength);
        Path file = Files.createTempFile("nps-upload-", ".csv");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static InputStream capped(InputStream body, long max) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            private void count(long n) throws UploadTooLargeException {
                read += n;
                if (read > max) {
                    swallow(in);
                    throw new UploadTooLargeException(max);
                }
            }
        };
    }
}
