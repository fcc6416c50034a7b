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
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * How people and systems sign in.
 * <ul>
 * <li>People: a form posted to {@code /j_security_check}, checked by the database identity store, then
 * remembered in the HTTP session. A failed attempt is answered with a redirect to the login page (the
 * built-in form mechanism forwards, and Payara then sends an empty page).</li>
 * <li>Systems: an API key in {@code Authorization: Bearer nps_...} (or {@code X-API-Key}) on
 * {@code /api/} calls, and on {@code /metrics} and {@code /openapi} (for a Prometheus scraper;
 * {@link MonitoringAccessFilter} lets only ADMIN read them), checked on every call; {@link AccountStatusFilter} drops the session that
 * {@code @AutoApplySession} opens for it, so API clients leave no sessions behind.</li>
 * </ul>
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = "")
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_ACTION = "/j_security_check";
    /** Set on requests authenticated by an API key, for the filters that only concern people. */
    public static final String API_KEY_CALLER = FormLoginMechanism.class.getName() + ".apiKeyCaller";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private ApiKeyService apiKeys;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && LOGIN_ACTION.equals(request.getServletPath())) {
            return formLogin(request, response, context);
        }
        Optional<String> apiKey = apiKeyOf(request);
        if (apiKey.isPresent()) {
            return apiKeyLogin(apiKey.get(), request, response, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        CredentialValidationResult result = username == null || password == null
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        // Same answer for an unknown user, a wrong password and a disabled account.
        try {
            response.sendRedirect(request.getContextPath() + "/login.xhtml?failed=true");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus apiKeyLogin(String secret, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<ApiKeyService.ApiCaller> caller = apiKeys.authenticate(secret);
        if (caller.isEmpty()) {
            try {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getOutputStream().write(
                        "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Unknown or revoked API key\"}"
                                .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(API_KEY_CALLER, caller.get());
        return context.notifyContainerAboutLogin("api-key:" + caller.get().name(), Set.of(caller.get().role().name()));
    }

    /** Where systems call: the API, and what Payara serves for monitoring at "/". */
    static boolean acceptsApiKeys(String path) {
        return path.startsWith("/api/") || isUnder(path, "/metrics") || isUnder(path, "/openapi");
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static Optional<String> apiKeyOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!acceptsApiKeys(path)) {
            return Optional.empty();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(request.getHeader("X-API-Key")).map(String::strip);
    }
}
