package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HashMap;
import java.util.Map;

/** Hashes passwords exactly as the identity store expects to verify them. */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's recommendation for PBKDF2 with HMAC-SHA512. */
    static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";

    @Inject
    private Pbkdf2PasswordHash hash;

    @jakarta.annotation.PostConstruct
    void configure() {
        Map<String, String> parameters = new HashMap<>();
        for (String assignment : new String[] {ALGORITHM, ITERATIONS}) {
            String[] parts = assignment.split("=", 2);
            parameters.put(parts[0], parts[1]);
        }
        hash.initialize(parameters);
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }
}
