package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HashMap;
import java.util.Map;
import org.npsloop.domain.access.Secrets;

/** Hashes passwords exactly as the identity store expects to verify them. */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's recommendation for PBKDF2 with HMAC-SHA512. */
    static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";

    @Inject
    private Pbkdf2PasswordHash hash;

    /** A hash of a random password, at the same cost as real ones: see {@link #spendAsMuchAsAVerification}. */
    private String dummyHash;

    @jakarta.annotation.PostConstruct
    void configure() {
        Map<String, String> parameters = new HashMap<>();
        for (String assignment : new String[] {ALGORITHM, ITERATIONS}) {
            String[] parts = assignment.split("=", 2);
            parameters.put(parts[0], parts[1]);
        }
        hash.initialize(parameters);
        dummyHash = hash(Secrets.random(32));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /**
     * Verifies the password against a hash it can never match: for an unknown or disabled account, so
     * that its answer takes as long as a wrong password's and timing does not tell which accounts exist.
     */
    public void spendAsMuchAsAVerification(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), dummyHash);
    }
}
