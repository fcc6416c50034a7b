package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.user.ProviderRoles;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.user.User;

/**
 * How people sign in, from configuration: an OpenID Connect provider ({@code nps.oidc.*}, off while no issuer is set)
 * beside or instead of passwords ({@code nps.auth.local-sign-in}); when passwords are off, only the break-glass
 * administrator ({@code nps.auth.break-glass-admin}, the first administrator's name by default) may still use one, for
 * the day the provider is down. docs/single-sign-on.md explains each setting.
 */
@ApplicationScoped
@Named("signInOptions")
public class SingleSignOnSettings {

    @Inject
    @ConfigProperty(name = "nps.oidc.issuer")
    private Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "nps.oidc.client-id")
    private Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "nps.oidc.client-secret")
    private Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "nps.oidc.scopes", defaultValue = "openid profile email")
    private String scopes;

    @Inject
    @ConfigProperty(name = "nps.oidc.provider-name", defaultValue = "SSO")
    private String providerName;

    @Inject
    @ConfigProperty(name = "nps.oidc.username-claim", defaultValue = "preferred_username")
    private String usernameClaim;

    @Inject
    @ConfigProperty(name = "nps.oidc.groups-claim", defaultValue = "groups")
    private String groupsClaim;

    @Inject
    @ConfigProperty(name = "nps.oidc.admin-groups")
    private Optional<String> adminGroups;

    @Inject
    @ConfigProperty(name = "nps.oidc.marketer-groups")
    private Optional<String> marketerGroups;

    @Inject
    @ConfigProperty(name = "nps.oidc.executive-groups")
    private Optional<String> executiveGroups;

    @Inject
    @ConfigProperty(name = "nps.oidc.default-roles")
    private Optional<String> defaultRoles;

    /** {@code name=value}: a claim every ID token must carry with that value (Google's {@code hd}, the domain). */
    @Inject
    @ConfigProperty(name = "nps.oidc.required-claim")
    private Optional<String> requiredClaim;

    @Inject
    @ConfigProperty(name = "nps.auth.local-sign-in", defaultValue = "true")
    private boolean localSignIn;

    @Inject
    @ConfigProperty(name = "nps.auth.break-glass-admin")
    private Optional<String> breakGlassAdmin;

    @Inject
    @ConfigProperty(name = "nps.admin.username", defaultValue = "admin")
    private String firstAdmin;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private Optional<String> baseUrl;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SingleSignOnSettings.class.getName());

    /** Says at start-up how people sign in, and what keeps the provider from working, if anything does. */
    void report(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        if (!isProviderEnabled()) {
            return;
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            LOG.severe(() -> "Single sign-on is off: " + problem.get() + (localSignIn ? "" : "; passwords are off too: only the "
                    + "break-glass administrator '" + breakGlassAdmin() + "' can sign in"));
            return;
        }
        LOG.info(() -> "Single sign-on with " + issuer() + " (client " + clientId() + "); passwords "
                + (localSignIn ? "too" : "only for the break-glass administrator '" + breakGlassAdmin() + "'"));
        if (roles().grantsNothing()) {
            LOG.warning("Single sign-on maps no group to a role (NPS_OIDC_ADMIN_GROUPS, NPS_OIDC_MARKETER_GROUPS, "
                    + "NPS_OIDC_EXECUTIVE_GROUPS, NPS_OIDC_DEFAULT_ROLES): nobody can sign in through it");
        }
        if (!text(defaultRoles).isEmpty() && requiredClaim().isEmpty()) {
            LOG.warning("NPS_OIDC_DEFAULT_ROLES gives a role to everyone the provider signs in; with a public provider"
                    + " (Google) set NPS_OIDC_REQUIRED_CLAIM (e.g. hd=example.com) to keep other organisations out");
        }
    }

    /** True when an identity provider is configured: the sign-in page offers it. */
    public boolean isProviderEnabled() {
        return !text(issuer).isBlank();
    }

    /** The provider's name on the sign-in button ("Sign in with ..."). */
    public String getProviderName() {
        return providerName.strip();
    }

    /** False when only the provider signs people in (and the break-glass administrator with a password). */
    public boolean isLocalSignIn() {
        return localSignIn || !isProviderEnabled();
    }

    /** The sign-in page's explanation of a refused single sign-on ({@code ?sso=...}); a code it does not know reads as a failure. */
    public String refusalMessageKey(String code) {
        for (OpenIdSignIn.Refusal refusal : OpenIdSignIn.Refusal.values()) {
            if (refusal.code().equals(code)) {
                return "login.sso." + code;
            }
        }
        return "login.sso.failed";
    }

    /** Whether this user name may sign in with a password. */
    boolean allowsPassword(String username) {
        if (isLocalSignIn()) {
            return true;
        }
        try {
            return User.normaliseUsername(username).equals(User.normaliseUsername(breakGlassAdmin()));
        } catch (RuntimeException notAUserName) {
            return false;
        }
    }

    String breakGlassAdmin() {
        return breakGlassAdmin.filter(name -> !name.isBlank()).orElse(firstAdmin).strip();
    }

    String issuer() {
        return text(issuer);
    }

    String clientId() {
        return text(clientId);
    }

    String clientSecret() {
        return text(clientSecret);
    }

    String scopes() {
        return scopes.strip();
    }

    String usernameClaim() {
        return usernameClaim.strip();
    }

    String groupsClaim() {
        return groupsClaim.strip();
    }

    ProviderRoles roles() {
        return ProviderRoles.of(Map.of(Role.ADMIN, text(adminGroups), Role.MARKETER, text(marketerGroups),
                Role.EXECUTIVE, text(executiveGroups)), text(defaultRoles));
    }

    /** The claim name and value every ID token must carry, if configured. */
    Optional<Map.Entry<String, String>> requiredClaim() {
        String claim = text(requiredClaim);
        int equals = claim.indexOf('=');
        return equals <= 0 ? Optional.empty()
                : Optional.of(Map.entry(claim.substring(0, equals).strip(), claim.substring(equals + 1).strip()));
    }

    /** The configured base URL without its trailing slash, if any (the provider must know the callback address). */
    Optional<URI> baseUrl() {
        return baseUrl.map(String::strip).filter(url -> !url.isBlank())
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    /** What would keep the provider from working, in words for the log; empty when it is usable. */
    Optional<String> problem() {
        if (clientId().isEmpty()) {
            return Optional.of("nps.oidc.client-id is not set");
        }
        URI uri;
        try {
            uri = URI.create(issuer());
        } catch (IllegalArgumentException e) {
            return Optional.of("nps.oidc.issuer is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            return Optional.of("nps.oidc.issuer must be an https:// URL (plain http only on this machine, for tests)");
        }
        try {
            roles();
        } catch (IllegalArgumentException e) {
            return Optional.of("nps.oidc.default-roles: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String text(Optional<String> configured) {
        return configured.map(String::strip).orElse("");
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
