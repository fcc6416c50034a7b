package org.npsloop.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.npsloop.domain.user.Role;

/**
 * MicroProfile Metrics and OpenAPI, which Payara serves inside the application at "/", are for ADMIN
 * only: a signed-in administrator, or an ADMIN API key ({@code Authorization: Bearer nps_...}) for a
 * Prometheus scraper. web.xml leaves these paths out of the container's own constraints on purpose: for
 * a constrained path the container sends an anonymous caller to the login page before
 * {@link FormLoginMechanism} can read an API key, so a scraper could never get in. Anonymous: 401
 * (what a scraper understands); another role: 403. Health (/health) stays public.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class MonitoringAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(Role.ADMIN_NAME)) {
            chain.doFilter(request, response);
            return;
        }
        boolean anonymous = request.getUserPrincipal() == null;
        response.setStatus(anonymous ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
        if (anonymous) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"NPS Loop\"");
        }
        response.setContentType("application/json");
        response.getOutputStream().write((anonymous
                ? "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Sign in as an administrator or send an ADMIN API key\"}"
                : "{\"status\":403,\"error\":\"Forbidden\",\"message\":\"Metrics and the API description are for administrators\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
