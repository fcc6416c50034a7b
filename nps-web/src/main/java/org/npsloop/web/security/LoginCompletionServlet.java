package org.npsloop.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Where a successful sign-in lands: the request goes on to {@code /j_security_check} itself, and this sends the
 * person to the page they asked for before signing in ({@link FormLoginMechanism#PAGE_AFTER_SIGN_IN}), else to
 * the dashboard.
 */
@WebServlet(FormLoginMechanism.LOGIN_ACTION)
public class LoginCompletionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + FormLoginMechanism.LOGIN_PAGE);
            return;
        }
        response.sendRedirect(request.getContextPath() + pageAfterSignIn(request));
    }

    /** The page the person asked for before signing in, once (else the dashboard): a path inside the application. */
    static String pageAfterSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object page = session == null ? null : session.getAttribute(FormLoginMechanism.PAGE_AFTER_SIGN_IN);
        if (session != null) {
            session.removeAttribute(FormLoginMechanism.PAGE_AFTER_SIGN_IN);
        }
        return page instanceof String path && isInsideApplication(path) ? path : "/";
    }

    /** A path of this application; not "//host/..." nor a backslash, which browsers read as another site. */
    static boolean isInsideApplication(String path) {
        return path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0;
    }
}
