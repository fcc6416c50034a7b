package org.npsloop.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void usernamesAreCaseInsensitiveAndValidated() {
        User user = new User("  Alice.Martin ", null, List.of(Role.MARKETER), "hash", false, NOW);
        assertEquals("alice.martin", user.getUsername());
        assertEquals("alice.martin", user.getDisplayName(), "display name defaults to the user name");
        assertThrows(IllegalArgumentException.class, () -> User.normaliseUsername("a"));
        assertThrows(IllegalArgumentException.class, () -> User.normaliseUsername("alice martin"));
        assertThrows(IllegalArgumentException.class, () -> User.normaliseUsername(null));
    }

    @Test
    void aUserAlwaysHasARole() {
        assertThrows(IllegalArgumentException.class, () -> new User("bob", "Bob", List.of(), "h", false, NOW));
        User bob = new User("bob", "Bob", List.of(Role.EXECUTIVE), "h", false, NOW);
        assertThrows(IllegalArgumentException.class, () -> bob.changeRoles(Set.of(), NOW));
        bob.changeRoles(List.of(Role.MARKETER, Role.EXECUTIVE), NOW);
        assertTrue(bob.hasRole(Role.MARKETER));
        assertFalse(bob.hasRole(Role.ADMIN));
    }

    @Test
    void temporaryPasswordMustBeChangedAndDisablingIsReversible() {
        User carol = new User("carol", "Carol", List.of(Role.ADMIN), "h1", true, NOW);
        assertTrue(carol.isMustChangePassword());
        carol.changePassword("h2", false, NOW);
        assertFalse(carol.isMustChangePassword());
        carol.disable(NOW);
        assertFalse(carol.isEnabled());
        carol.enable(NOW);
        assertTrue(carol.isEnabled());
    }

    @Test
    void passwordPolicyExplainsRefusals() {
        assertEquals(PasswordPolicy.Problem.TOO_SHORT, PasswordPolicy.problemWith("short", "x").orElseThrow());
        assertEquals(PasswordPolicy.Problem.TOO_SHORT, PasswordPolicy.problemWith(null, "x").orElseThrow());
        assertEquals(PasswordPolicy.Problem.SAME_AS_USERNAME,
                PasswordPolicy.problemWith("Alice.Martin", "alice.martin").orElseThrow());
        assertEquals(PasswordPolicy.Problem.TOO_LONG, PasswordPolicy.problemWith("x".repeat(201), "a").orElseThrow());
        assertTrue(PasswordPolicy.problemWith("correct horse battery", "alice").isEmpty());
        String otp = PasswordPolicy.oneTimePassword();
        assertEquals(16, otp.length());
        assertTrue(PasswordPolicy.problemWith(otp, "admin").isEmpty());
        assertNotEquals(otp, PasswordPolicy.oneTimePassword());
    }
}
