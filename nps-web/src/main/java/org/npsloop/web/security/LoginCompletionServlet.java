package org.npsloop.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a successful login lands when the login page was opened directly (no page was waiting):
 * the request goes on to {@code /j_security_check} itself, and this sends the user to the dashboard.
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
        String target = request.getUserPrincipal() == null ? "/login.xhtml" : "/";
        response.sendRedirect(request.getContextPath() + target);
    }
}
