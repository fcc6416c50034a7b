package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a user name and password against the users table. Every failure costs one PBKDF2
 * verification, whether the account is unknown, disabled or given a wrong password, so that neither the
 * answer nor its time tells which accounts exist. The verification runs outside any transaction: no
 * database connection is held for its ~0.1 s.
 */
@ApplicationScoped
public class PasswordSignIn {

    public enum Outcome {
        SIGNED_IN, UNKNOWN_USER, DISABLED, WRONG_PASSWORD
    }

    /** The outcome; the normalised user name and role names when signed in. */
    public record Result(Outcome outcome, String username, Set<String> roles) {

        static Result failed(Outcome outcome) {
            return new Result(outcome, null, Set.of());
        }
    }

    @Inject
    private UserAccountService accounts;

    @Inject
    private PasswordHashing hashing;

    public Result check(String username, String password) {
        Optional<UserAccountService.StoredCredentials> stored = username == null || password == null
                ? Optional.empty() : accounts.credentials(username);
        // An account of the identity provider has no password: it fails like an unknown one.
        if (stored.isPresent() && stored.get().passwordHash() == null) {
            stored = Optional.empty();
        }
        if (stored.isEmpty() || !stored.get().enabled()) {
            hashing.spendAsMuchAsAVerification(password);
            return Result.failed(stored.isEmpty() ? Outcome.UNKNOWN_USER : Outcome.DISABLED);
        }
        if (!hashing.matches(password, stored.get().passwordHash())) {
            return Result.failed(Outcome.WRONG_PASSWORD);
        }
        return new Result(Outcome.SIGNED_IN, stored.get().username(),
                stored.get().roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }
}
