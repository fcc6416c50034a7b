package org.npsloop.web.respond;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Too many requests from one address on the public pages: 429 with a page saying to wait a minute. */
@WebFilter(urlPatterns = {"/r/*", "/u/*", "/p/*"})
public class RateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private RateLimiter limiter;

    @Inject
    private PublicPages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long retryAfter = limiter.check(request);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            pages.message(response, 429, PublicPages.languageOf(request), "tooMany", null, null, null);
            return;
        }
        chain.doFilter(request, response);
    }
}
