package org.npsloop.web.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RequestSizeFilterTest {

    private static final long MB = 1024 * 1024;

    @Test
    void uploadsFormsAndOtherBodiesEachHaveTheirLimit() {
        assertEquals(50 * MB, RequestSizeFilter.limit("/api/imports", "text/csv", 10 * MB, 50 * MB));
        assertEquals(50 * MB, RequestSizeFilter.limit("/api/events/import", "text/csv", 10 * MB, 50 * MB));
        assertEquals(50 * MB, RequestSizeFilter.limit("/audiences/import.xhtml", "multipart/form-data; boundary=x", 10 * MB, 50 * MB));
        assertEquals(2 * MB, RequestSizeFilter.limit("/r/tok", "application/x-www-form-urlencoded", 10 * MB, 50 * MB),
                "Payara reads no more of a form: beyond, its fields would silently vanish");
        assertEquals(MB, RequestSizeFilter.limit("/r/tok", "application/x-www-form-urlencoded; charset=UTF-8", MB, 50 * MB));
        assertEquals(10 * MB, RequestSizeFilter.limit("/api/contacts/bulk", "application/json", 10 * MB, 50 * MB));
        assertEquals(10 * MB, RequestSizeFilter.limit("/api/imports/3", null, 10 * MB, 50 * MB));
    }

    @Test
    void aBodyWithoutLengthIsReadUpToTheLimitAndNoFurther() throws IOException {
        byte[] body = new byte[100];
        assertArrayEquals(body, new RequestSizeFilter.CountingStream(stream(body), 100).readAllBytes());
        RequestSizeFilter.CountingStream tooLong = new RequestSizeFilter.CountingStream(stream(new byte[101]), 100);
        IOException e = assertThrows(IOException.class, tooLong::readAllBytes);
        assertTrue(RequestSizeFilter.tooLarge(new IllegalStateException(new UncheckedIOException(e))), "found however wrapped");
        assertFalse(RequestSizeFilter.tooLarge(new IOException("reset")));
    }

    private static ServletInputStream stream(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
