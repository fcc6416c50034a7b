package org.npsloop.web.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UploadLimitTest {

    private final UploadLimit limit = new UploadLimit();

    UploadLimitTest() {
        limit.maxBytes = 10;
    }

    @Test
    void aBodyUpToTheCapIsReadWhole() throws Exception {
        byte[] ten = "0123456789".getBytes();
        try (InputStream in = limit.bounded(new ByteArrayInputStream(ten), -1)) {
            assertArrayEquals(ten, in.readAllBytes());
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeReading() {
        assertThrows(UploadTooLargeException.class, () -> limit.bounded(new ByteArrayInputStream(new byte[0]), 11));
    }

    @Test
    void anUndeclaredBodyIsCutOffOnceItPassesTheCapAndItsSpoolIsDeleted() throws Exception {
        try (InputStream in = limit.bounded(new ByteArrayInputStream(new byte[11]), -1)) {
            assertThrows(UploadTooLargeException.class, in::readAllBytes);
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = spools(temp);
        assertThrows(UploadTooLargeException.class, () -> limit.spool(new ByteArrayInputStream(new byte[4096]), -1));
        assertEquals(before, spools(temp), "no partial file left behind");
    }

    private static long spools(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("nps-upload-")).count();
        }
    }
}
