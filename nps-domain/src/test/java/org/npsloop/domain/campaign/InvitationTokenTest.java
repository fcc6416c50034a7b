package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.access.Secrets;

class InvitationTokenTest {

    @Test
    void tokensAreUrlSafeUniqueAndFoundAgainByTheirHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            InvitationToken token = InvitationToken.generate();
            assertEquals(22, token.secret().length(), "128 bits in URL-safe base64");
            assertTrue(token.secret().matches("[A-Za-z0-9_-]+"), token.secret());
            assertEquals(token.hash(), InvitationToken.hashOf(token.secret()));
            assertNotEquals(token.secret(), token.hash());
            assertTrue(seen.add(token.secret()));
        }
    }

    @Test
    void whatCannotBeATokenHasNoHash() {
        assertNull(InvitationToken.hashOf(null));
        assertNull(InvitationToken.hashOf("short"));
        assertNull(InvitationToken.hashOf("abcdefghijklmnopqrstuv'; DROP TABLE x"));
        assertEquals(64, Secrets.sha256("x").length());
    }
}
