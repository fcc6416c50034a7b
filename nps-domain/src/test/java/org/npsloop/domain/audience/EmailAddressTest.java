package org.npsloop.domain.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpaces() {
        assertEquals("jeanne.dupont@exemple.fr", new EmailAddress("  Jeanne.Dupont@Exemple.FR ").value());
        assertEquals(new EmailAddress("A@B.CO"), new EmailAddress("a@b.co"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "plainaddress", "a@b", "a@@b.fr", "a b@c.fr", "@exemple.fr", "a@.fr"})
    void rejectsMalformedAddresses(String raw) {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(raw));
    }
}
