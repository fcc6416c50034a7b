package org.npsloop.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of the application carries, set before anything else writes: browsers must
 * not guess a content type ({@code nosniff}), the app's addresses are not sent to other sites, and no
 * other site may frame it. The Content-Security-Policy of a page comes from where the page is made (the
 * Faces pages: PrimeFaces' nonce policy in web.xml; the public pages: {@code PublicPages}); the API,
 * which serves data, CSV and the HTML of reports and mail previews but never a script, gets a policy
 * that runs none.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** No script, no plugin, no form, no framing; inline styles and images for report and mail HTML. */
    static final String API_POLICY = "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Public pages replace it with no-referrer (their address holds a token).
        response.setHeader("Referrer-Policy", "same-origin");
        // For browsers without CSP frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        chain.doFilter(request, response);
    }
}
