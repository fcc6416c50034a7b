package org.npsloop.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure someone can sign in after the very first start: when no user exists, creates the
 * administrator from configuration, or with a one-time password printed to the log. Then says where
 * the app is and how to sign in.
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
            CreatedUser admin = accounts.createFirstAdmin(adminUsername, adminPassword.filter(p -> !p.isBlank()));
            howToSignIn = admin.oneTimePassword() == null
                    ? "Sign in as '" + adminUsername + "' with the password from NPS_ADMIN_PASSWORD."
                    : "Sign in as '" + adminUsername + "' with the one-time password  " + admin.oneTimePassword()
                            + "  (you will be asked to choose your own).";
        } else {
            howToSignIn = "Sign in with your account.";
        }
        LOG.info(() -> "\n\n  NPS Loop is starting at " + baseUrl + "\n  " + howToSignIn + "\n");
    }
}
