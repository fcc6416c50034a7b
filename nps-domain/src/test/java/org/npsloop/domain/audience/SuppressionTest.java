package org.npsloop.domain.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void anErasedAddressIsKeptAsTheSha256OfItsNormalisedForm() {
        String key = Suppression.erasedKey(new EmailAddress("  Anais.Nobecourt@Exemple.FR "));

        // sha256("anais.nobecourt@exemple.fr"), computed independently
        assertEquals("sha256:210c5d44a8edb2141970349f32883d27440027e24b1f6d5d80101d9645e5f477", key);
        assertFalse(key.contains("nobecourt"));
        assertEquals(key, Suppression.erasedKey(new EmailAddress("anais.nobecourt@exemple.fr")), "found again when re-imported");
        assertNotEquals(key, Suppression.erasedKey(new EmailAddress("anais.nobecourt@exemple.com")));
    }
}
