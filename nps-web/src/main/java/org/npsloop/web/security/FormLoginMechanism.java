package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Form login posted to {@code /j_security_check}, checked by the database identity store.
 * Unlike the built-in form mechanism, a failed attempt is answered with a redirect to the login
 * page (the built-in one forwards, and Payara drops the forwarded page).
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = "")
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_ACTION = "/j_security_check";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && LOGIN_ACTION.equals(request.getServletPath())) {
            String username = request.getParameter("j_username");
            String password = request.getParameter("j_password");
            CredentialValidationResult result = username == null || password == null
                    ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(new UsernamePasswordCredential(username, password));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            // Same answer for an unknown user, a wrong password and a disabled account.
            return redirect(response, request.getContextPath() + "/login.xhtml?failed=true");
        }
        return context.doNothing();
    }

    private static AuthenticationStatus redirect(HttpServletResponse response, String location) {
        try {
            response.sendRedirect(location);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
