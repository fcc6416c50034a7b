package org.npsloop.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.user.Role;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void issuedSecretIsLongRandomAndStoredOnlyAsHash() {
        ApiKey.Issued first = ApiKey.issue("CRM sync", Role.MARKETER, "admin", NOW);
        ApiKey.Issued second = ApiKey.issue("CRM sync", Role.MARKETER, "admin", NOW);
        assertTrue(first.secret().startsWith("nps_"));
        assertTrue(first.secret().length() >= 40, "256 random bits, base64url");
        assertNotEquals(first.secret(), second.secret());
        assertTrue(first.secret().startsWith(first.key().getKeyPrefix()));
        assertEquals(64, ApiKey.hash(first.secret()).length());
        assertNotEquals(ApiKey.hash(first.secret()), ApiKey.hash(second.secret()));
    }

    @Test
    void revokedKeysAreInactive() {
        ApiKey key = ApiKey.issue("Shop", Role.MARKETER, "admin", NOW).key();
        assertTrue(key.isActive());
        key.revoke(NOW);
        assertFalse(key.isActive());
        assertEquals(NOW, key.getRevokedAt());
    }
}
