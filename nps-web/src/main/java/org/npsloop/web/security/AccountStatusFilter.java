package org.npsloop.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Runs after authentication on every request of a signed-in user: a disabled account is signed out
 * at once (not at the end of its session), and a temporary password must be replaced before
 * anything else can be done.
 */
@WebFilter(urlPatterns = "/*")
public class AccountStatusFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String CHANGE_PASSWORD_PAGE = "/account/password.xhtml";
    private static final String LOGIN_RECORDED = AccountStatusFilter.class.getName() + ".loginRecorded";

    @Inject
    private UserAccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        // Path inside the application, whatever servlet serves it (JAX-RS's servlet path is "/api").
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getAttribute(FormLoginMechanism.API_KEY_CALLER) != null) {
            try {
                chain.doFilter(request, response);
            } finally {
                HttpSession apiSession = request.getSession(false);
                if (apiSession != null && apiSession.isNew()) {
                    apiSession.invalidate();
                }
            }
            return;
        }
        if (principal == null || path.startsWith("/jakarta.faces.resource/") || path.equals("/logout")) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession();
        Optional<AccountState> state;
        if (session.getAttribute(LOGIN_RECORDED) == null) {
            state = accounts.recordLogin(principal.getName());
            session.setAttribute(LOGIN_RECORDED, Boolean.TRUE);
        } else {
            // Read by the authentication mechanism for this request already.
            state = Optional.ofNullable((AccountState) request.getAttribute(AccountState.ATTRIBUTE))
                    .or(() -> accounts.state(principal.getName()));
        }
        if (state.isEmpty() || !state.get().enabled()) {
            request.logout();
            session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login.xhtml?failed=true");
            return;
        }
        request.setAttribute(AccountState.ATTRIBUTE, state.get());
        if (state.get().mustChangePassword() && !path.equals(CHANGE_PASSWORD_PAGE)) {
            if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Change your temporary password first");
            } else {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
