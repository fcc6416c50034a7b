package org.npsloop.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.json.Json;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.Language;
import org.npsloop.web.respond.PublicPages;

/**
 * A request body over its limit gets 413 before anything reads it: a JSON error on {@code /api}, the
 * friendly page (in the visitor's language) elsewhere. Without this, Payara parses at most 2 MB of a
 * form ({@code max-post-size}) and silently hands the servlet no fields at all. The declared
 * Content-Length is checked first; a body without one (chunked) is read through a counting stream
 * that stops at the limit.
 *
 * <p>Limits: uploads (multipart forms, {@code POST /api/imports}, {@code POST /api/events/import})
 * take {@code nps.upload.max-bytes}; HTML forms at most {@value #FORM_MAX_BYTES} bytes (Payara's form
 * limit); any other body {@code nps.request.max-bytes}.
 */
@WebFilter(urlPatterns = "/*")
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Payara's default {@code max-post-size} for form parameters: beyond it, the fields silently vanish. */
    static final long FORM_MAX_BYTES = 2L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "nps.request.max-bytes", defaultValue = "10485760")
    long requestMaxBytes;

    /** The same property, and default, as the upload cap of the CSV imports. */
    @Inject
    @ConfigProperty(name = "nps.upload.max-bytes", defaultValue = "52428800")
    long uploadMaxBytes;

    @Inject
    private PublicPages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/imports") || path.equals("/api/events/import")) {
            // These resources bound their uploads themselves (UploadLimit): the same cap and 413, after reading
            // the start of the body so that a client still sending can read the answer.
            chain.doFilter(request, response);
            return;
        }
        long limit = limit(path, request.getContentType(), requestMaxBytes, uploadMaxBytes);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(declared >= 0 ? request : new Bounded(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!tooLarge(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                refuse(request, response, limit);
            }
        }
    }

    /** The limit of a request's body, by its path (inside the application) and content type. */
    static long limit(String path, String contentType, long requestMax, long uploadMax) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || path.equals("/api/imports") || path.equals("/api/events/import")) {
            return uploadMax;
        }
        return type.startsWith("application/x-www-form-urlencoded") ? Math.min(requestMax, FORM_MAX_BYTES) : requestMax;
    }

    /** Whether a failure comes from a body over its limit, however the framework wrapped it. */
    public static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // Tell the client not to keep sending what will not be read.
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json;charset=UTF-8");
            ResourceBundle messages = AccountException.bundle(Language.of(request.getLocale()).locale());
            response.getWriter().write(Json.createObjectBuilder().add("status", 413).add("error", "Content Too Large")
                    .add("message", MessageFormat.format(messages.getString("error.tooLarge.api"), limit)).addNull("errors")
                    .build().toString());
            return;
        }
        pages.message(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, PublicPages.languageOf(request), "tooLarge",
                null, null, null);
    }

    /** Thrown by the counting stream at the limit. */
    public static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    /** A request whose body can be read up to the limit, no further. */
    static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream bounded;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new CountingStream(super.getInputStream(), limit);
            }
            return bounded;
        }
    }

    static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
