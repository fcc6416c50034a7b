package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.web.audit.AuditEvents;
import org.npsloop.web.http.ClientAddress;

/**
 * How people and systems sign in.
 * <ul>
 * <li>People: through the organisation's identity provider (OpenID Connect, {@link OpenIdSignIn}), which stores the same
 * session attribute, or a form posted to {@code /j_security_check} from the app's own page ({@link SameOrigin}),
 * checked against the users table ({@link PasswordSignIn}), then remembered in the HTTP session by user name
 * only: each request re-establishes the caller and reads its roles ({@link AccountState}), so a session replicated
 * to another instance of a cluster works there (the container's own session principal, which
 * {@code @AutoApplySession} restored, did not bring its roles to other instances: 403), and a role taken away counts
 * at the next click. A signed-out person asking for a page is sent to the sign-in page, and to that page (a GET's
 * path and query inside the application, never a host) once signed in ({@link LoginCompletionServlet}). A failed
 * attempt is answered with a redirect to the login page (the built-in form mechanism forwards, and Payara
 * then sends an empty page), the same for an unknown user, a wrong password and a disabled account. Failures
 * are counted per account name and per client address ({@link LoginThrottling}): a locked one is refused,
 * without checking its password, with the minutes to wait. Failures are logged without the password. With
 * passwords turned off ({@link SingleSignOnSettings}) only the break-glass administrator may use one. Successes and
 * failures are audit events.</li>
 * <li>Systems: an API key in {@code Authorization: Bearer nps_...} (or {@code X-API-Key}) on
 * {@code /api/} calls, and on {@code /metrics} and {@code /openapi} (for a Prometheus scraper;
 * {@link MonitoringAccessFilter} lets only ADMIN read them), checked on every call; no session is opened for them.</li>
 * </ul>
 */
@ApplicationScoped
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_ACTION = "/j_security_check";
    /** Set on requests authenticated by an API key, for the filters that only concern people. */
    public static final String API_KEY_CALLER = FormLoginMechanism.class.getName() + ".apiKeyCaller";
    /** The signed-in person's user name, in the HTTP session (a String: it replicates across a cluster). */
    static final String SIGNED_IN_USER = FormLoginMechanism.class.getName() + ".user";
    /** The page a signed-out person asked for (path and query inside the application), in the HTTP session. */
    static final String PAGE_AFTER_SIGN_IN = FormLoginMechanism.class.getName() + ".pageAfterSignIn";
    static final String LOGIN_PAGE = "/login.xhtml";

    private static final Logger LOG = Logger.getLogger(FormLoginMechanism.class.getName());

    @Inject
    private PasswordSignIn signIn;

    @Inject
    private LoginThrottling throttling;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private SameOrigin sameOrigin;

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private UserAccountService accounts;

    @Inject
    private SingleSignOnSettings signInOptions;

    @Inject
    private AuditEvents audit;

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
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SIGNED_IN_USER);
        if (user instanceof String username && !isStaticResource(request)) {
            return restoreCaller(username, request, context);
        }
        // The API answers a caller without credentials itself (401 in JSON); only people get the sign-in page.
        if (context.isProtected() && !acceptsApiKeys(pathOf(request))) {
            return toSignIn(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * The caller of a signed-in session, with the roles the account has now. A disabled or deleted account is signed
     * out at once: the session ends and a page asks to sign in again (the container would answer 403 before any filter).
     */
    private AuthenticationStatus restoreCaller(String username, HttpServletRequest request, HttpMessageContext context) {
        Optional<AccountState> state = accounts.state(username).filter(AccountState::enabled);
        if (state.isEmpty()) {
            request.getSession().invalidate();
            return context.isProtected() && !acceptsApiKeys(pathOf(request))
                    ? context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true")
                    : context.doNothing();
        }
        request.setAttribute(AccountState.ATTRIBUTE, state.get());
        return context.notifyContainerAboutLogin(username, state.get().roles());
    }

    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if ("GET".equals(request.getMethod())) {
            String page = request.getRequestURI().substring(request.getContextPath().length());
            String query = request.getQueryString();
            request.getSession().setAttribute(PAGE_AFTER_SIGN_IN, query == null ? page : page + "?" + query);
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            if (!sameOrigin.allows(request)) {
                sameOrigin.refuse(request, response);
                return AuthenticationStatus.SEND_CONTINUE;
            }
            String username = request.getParameter("j_username");
            String password = request.getParameter("j_password");
            String address = clientAddress.of(request);
            Optional<Duration> locked = throttling.lockedFor(username, address);
            if (locked.isPresent()) {
                LOG.warning(() -> "Sign-in refused for user '" + printable(username) + "' from " + printable(address)
                        + ": too many failures, locked for " + locked.get().toSeconds() + " s more");
                return toLoginPage(request, response, "locked=" + minutes(locked.get()));
            }
            if (!signInOptions.allowsPassword(username)) {
                LOG.warning(() -> "Password sign-in refused for user '" + printable(username) + "' from " + printable(address)
                        + ": passwords are off (nps.auth.local-sign-in=false) but for the break-glass administrator");
                audit.recordAs(new AuditActor(printable(username), address), "SIGN_IN_FAILED", "User", printable(username),
                        "Password sign-in refused: passwords are off");
                return toLoginPage(request, response, "localOff=true");
            }
            PasswordSignIn.Result result = signIn.check(username, password);
            if (result.outcome() == PasswordSignIn.Outcome.SIGNED_IN) {
                throttling.recordSuccess(username);
                rememberSignIn(request, result.username());
                audit.recordAs(new AuditActor(result.username(), address), "SIGN_IN", "User", result.username(),
                        "Signed in with a password");
                return context.notifyContainerAboutLogin(result.username(), result.roles());
            }
            Optional<Duration> lock = recordFailure(username, address);
            String reason = result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            LOG.warning(() -> "Failed sign-in for user '" + printable(username) + "' from " + printable(address) + ": "
                    + reason + lock.map(d -> ", now locked for " + d.toSeconds() + " s").orElse(""));
            audit.recordAs(new AuditActor(printable(username), address), "SIGN_IN_FAILED", "User", printable(username),
                    "Password sign-in failed: " + reason + lock.map(d -> ", locked for " + d.toSeconds() + " s").orElse(""));
            // Same answer for an unknown user, a wrong password and a disabled account.
            return toLoginPage(request, response, lock.map(d -> "locked=" + minutes(d)).orElse("failed=true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new session id for the signed-in session (no session fixation), which keeps the page asked for. */
    static void rememberSignIn(HttpServletRequest request, String username) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession().setAttribute(SIGNED_IN_USER, username);
    }

    /** Counts the failure; two instances creating the same subject's first row at once: one retries. */
    private Optional<Duration> recordFailure(String username, String address) {
        try {
            return throttling.recordFailure(username, address);
        } catch (RuntimeException firstCreatedElsewhere) {
            return throttling.recordFailure(username, address);
        }
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
            String query) throws IOException {
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?" + query);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** The name as typed, bounded and without line breaks: it goes into a log line. */
    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String oneLine = username.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "...";
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

    /** Scripts, styles and images are the same for everyone: no caller (nor database read) for them. */
    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    /** Where systems call: the API, and what Payara serves for monitoring at "/". */
    static boolean acceptsApiKeys(String path) {
        return path.startsWith("/api/") || isUnder(path, "/metrics") || isUnder(path, "/openapi");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static Optional<String> apiKeyOf(HttpServletRequest request) {
        if (!acceptsApiKeys(pathOf(request))) {
            return Optional.empty();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(request.getHeader("X-API-Key")).map(String::strip);
    }
}
