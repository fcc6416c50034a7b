package org.npsloop.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.user.Role;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.web.audit.AuditEvents;
import org.npsloop.web.http.ClientAddress;
import org.npsloop.web.security.OpenIdSignIn.Refusal;
import org.npsloop.web.security.OpenIdSignIn.SignInRefused;

/**
 * The sign-in page's "Sign in with ..." button ({@value OpenIdSignIn#START}: to the provider) and the provider's answer
 * ({@value OpenIdSignIn#CALLBACK}: the person signed in, with the roles the provider's groups give, and sent to the page
 * asked for). A refused sign-in goes back to the sign-in page, which says why in the person's language; the log and the
 * audit trail say what happened.
 */
@WebServlet({OpenIdSignIn.START, OpenIdSignIn.CALLBACK})
public class SingleSignOnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SingleSignOnServlet.class.getName());

    @Inject
    private transient SingleSignOnSettings settings;

    @Inject
    private transient OpenIdSignIn openId;

    @Inject
    private transient UserAccountService accounts;

    @Inject
    private transient AuditEvents audit;

    @Inject
    private transient ClientAddress clientAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.isProviderEnabled() || settings.problem().isPresent()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (OpenIdSignIn.START.equals(request.getServletPath())) {
                response.sendRedirect(openId.authorizationRedirect(request).toString());
            } else {
                signIn(request, response, openId.complete(request));
            }
        } catch (SignInRefused refused) {
            refuse(request, response, refused.refusal(), null, refused.getMessage());
        }
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, OpenIdSignIn.Identity identity)
            throws IOException {
        // With a groups claim, the provider decides the roles at every sign-in; without one (Google), a new account gets
        // the default roles and an account's roles are the ones an administrator gives it here.
        Optional<Set<Role>> providerRoles = identity.groups().map(groups -> settings.roles().rolesFor(groups));
        if (providerRoles.isPresent() && providerRoles.get().isEmpty()) {
            refuse(request, response, Refusal.NO_ROLE, identity.username(), "no group of the '" + settings.groupsClaim()
                    + "' claim " + identity.groups().get() + " is mapped to a role (nps.oidc.*-groups)");
            return;
        }
        UserAccountService.ProviderSignIn result;
        AuditActor.set(new AuditActor(identity.username(), clientAddress.of(request)));
        try {
            // The account's creation and its roles' changes are recorded in the trail as the person's own.
            result = accounts.signInWithProvider(identity, providerRoles, settings.roles().rolesFor(List.of()),
                    settings.breakGlassAdmin());
        } catch (InvalidValueException | jakarta.persistence.PersistenceException badName) {
            refuse(request, response, Refusal.USERNAME, identity.username(), "the provider's user name '"
                    + identity.username() + "' cannot be an account name here");
            return;
        } finally {
            AuditActor.clear();
        }
        switch (result.outcome()) {
            case NO_ROLE -> refuse(request, response, Refusal.NO_ROLE, result.username(), "the token has no '"
                    + settings.groupsClaim() + "' claim and nps.oidc.default-roles gives new accounts none");
            case DISABLED -> refuse(request, response, Refusal.DISABLED, result.username(), "the account is disabled");
            case NAME_TAKEN -> refuse(request, response, Refusal.USERNAME, result.username(),
                    "the account of that name is another subject's, or the break-glass administrator's");
            case SIGNED_IN -> {
                FormLoginMechanism.rememberSignIn(request, result.username());
                request.getSession().setAttribute(OpenIdSignIn.ID_TOKEN, identity.idToken());
                audit.recordAs(new AuditActor(result.username(), clientAddress.of(request)), "SIGN_IN", "User",
                        result.username(), "Signed in with " + settings.getProviderName() + " as " + result.roles());
                LOG.info(() -> "Signed in with the identity provider: '" + result.username() + "' as " + result.roles());
                response.sendRedirect(request.getContextPath() + LoginCompletionServlet.pageAfterSignIn(request));
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String username,
            String detail) throws IOException {
        String who = username == null ? "someone" : "'" + username + "'";
        LOG.warning(() -> "Sign-in with the identity provider refused for " + who + " from " + clientAddress.of(request)
                + ": " + detail);
        audit.recordAs(new AuditActor(username == null ? "unknown" : username, clientAddress.of(request)), "SIGN_IN_FAILED",
                "User", username, "Single sign-on refused: " + refusal.code());
        response.sendRedirect(request.getContextPath() + FormLoginMechanism.LOGIN_PAGE + "?sso=" + refusal.code());
    }
}
