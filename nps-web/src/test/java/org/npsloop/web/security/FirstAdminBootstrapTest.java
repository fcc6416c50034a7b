package org.npsloop.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstAdminBootstrapTest {

    @Test
    void aWeakConfiguredPasswordIsRefusedWithTheReasonAndWithoutQuotingIt() {
        String refusal = FirstAdminBootstrap.refusalOf("admin", Optional.of("secret1")).orElseThrow();
        assertTrue(refusal.contains("NPS_ADMIN_PASSWORD") && refusal.contains("fewer than 10 characters"), refusal);
        assertFalse(refusal.contains("secret1"), "the password never reaches the log");
        assertTrue(FirstAdminBootstrap.refusalOf("administrator", Optional.of("Administrator"))
                .orElseThrow().contains("user name"));
        assertTrue(FirstAdminBootstrap.refusalOf("admin", Optional.of("x".repeat(201))).isPresent());
    }

    @Test
    void aPasswordThatPassesThePolicyOrNoneAtAllIsAccepted() {
        assertEquals(Optional.empty(), FirstAdminBootstrap.refusalOf("admin", Optional.of("it-admin-Secret-42")));
        assertEquals(Optional.empty(), FirstAdminBootstrap.refusalOf("admin", Optional.empty()));
    }
}
