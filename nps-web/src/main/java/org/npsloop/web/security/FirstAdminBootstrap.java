package org.npsloop.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.user.PasswordPolicy;

/**
 * Makes sure someone can sign in after the very first start: when no user exists, creates the
 * administrator from configuration, or with a one-time password printed to the log. Then says where
 * the app is and how to sign in.
 * <p>
 * A configured password ({@code NPS_ADMIN_PASSWORD}) must pass the same {@link PasswordPolicy} as
 * every user's: a weak one stops the start-up with a clear message and no administrator is created
 * (falling back to a one-time password would hide the operator's mistake in a log line, and the
 * weak password would look accepted).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class FirstAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class.getName());

    @Inject
    private UserAccountService accounts;

    @Inject
    @ConfigProperty(name = "nps.admin.username", defaultValue = "admin")
    private String adminUsername;

    @Inject
    @ConfigProperty(name = "nps.admin.password")
    private Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    @PostConstruct
    void ensureAnAdministratorExists() {
        String howToSignIn;
        if (accounts.noUserExists()) {
            Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
            Optional<String> refusal = refusalOf(adminUsername, configured);
            if (refusal.isPresent()) {
                LOG.severe(refusal.get());
                throw new IllegalStateException(refusal.get());
            }
            CreatedUser admin = accounts.createFirstAdmin(adminUsername, configured);
            howToSignIn = admin.oneTimePassword() == null
                    ? "Sign in as '" + adminUsername + "' with the password from NPS_ADMIN_PASSWORD."
                    : "Sign in as '" + adminUsername + "' with the one-time password  " + admin.oneTimePassword()
                            + "  (you will be asked to choose your own).";
        } else {
            howToSignIn = "Sign in with your account.";
        }
        LOG.info(() -> "\n\n  NPS Loop is starting at " + baseUrl + "\n  " + howToSignIn + "\n");
    }

    /** Why the configured first password is refused (never quoting it), or empty when there is none or it is acceptable. */
    static Optional<String> refusalOf(String username, Optional<String> configuredPassword) {
        return configuredPassword.flatMap(password -> PasswordPolicy.problemWith(password, username)).map(problem ->
                "NPS_ADMIN_PASSWORD (nps.admin.password) is refused: " + switch (problem) {
                    case TOO_SHORT -> "it has fewer than " + PasswordPolicy.MIN_LENGTH + " characters";
                    case TOO_LONG -> "it has more than " + PasswordPolicy.MAX_LENGTH + " characters";
                    case SAME_AS_USERNAME -> "it is the user name";
                } + ". No administrator was created and NPS Loop does not start: set a stronger password, or "
                + "unset it to get a one-time password in the log.");
    }
}
