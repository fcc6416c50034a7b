package org.npsloop.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * No cross-site request forgery: a state-changing request of a signed-in browser session (API calls,
 * JSF postbacks, sign-out) must come from the app's own pages ({@link SameOrigin}), else 403. Sign-in
 * is checked in {@link FormLoginMechanism}, before any filter runs. Not checked: API-key callers, and
 * the public token pages, whose token is the key and which mail providers post to without an Origin
 * (RFC 8058 one-click unsubscribe), and the email providers' webhooks ({@code /api/esp/*}), server to server and
 * authenticated by their own signature: a session adds no right there.
 */
@WebFilter(urlPatterns = "/*")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private SameOrigin sameOrigin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean sessionCaller = request.getUserPrincipal() != null
                && request.getAttribute(FormLoginMechanism.API_KEY_CALLER) == null;
        boolean publicTokenPage = path.startsWith("/r/") || path.startsWith("/u/") || path.startsWith("/p/");
        if (sessionCaller && !publicTokenPage && !isEspWebhook(path) && SameOrigin.changesState(request) && !sameOrigin.allows(request)) {
            sameOrigin.refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The ESP webhook endpoints only (EspWebhookResource): nothing else under /api is exempt. */
    static boolean isEspWebhook(String path) {
        return path.equals("/api/esp/ses") || path.equals("/api/esp/sendgrid") || path.equals("/api/esp/mailgun")
                || path.equals("/api/esp/postmark");
    }
}
