package org.npsloop.domain.deliverability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.campaign.InvitationToken;

class MailReferenceTest {

    @Test
    void aReferenceRoundTripsToItsTokenHashAndFitsAnAddressLocalPart() {
        InvitationToken token = InvitationToken.generate();
        MailReference reference = MailReference.ofTokenHash(token.hash());

        assertEquals(MailReference.LENGTH, reference.value().length());
        assertTrue(reference.value().matches("[a-z2-7]+"), reference.value());
        assertEquals(token.hash(), reference.tokenHash());
        String returnPath = reference.returnPath("bounces@bounce.acme.example");
        assertEquals("bounces+" + reference.value() + "@bounce.acme.example", returnPath);
        assertTrue(returnPath.substring(0, returnPath.indexOf('@')).length() <= 64, "RFC 5321 local part limit");
    }

    @Test
    void theKnownVectorOfRfc4648Base32() {
        // "foobar" in RFC 4648's test vectors is MZXW6YTBOI======; our reference is the same alphabet, lower case.
        String hex = "666f6f626172" + "00".repeat(26);
        assertTrue(MailReference.ofTokenHash(hex).value().startsWith("mzxw6ytboi"));
    }

    @Test
    void theReferenceIsFoundInAReturnPathAMessageIdAndATextWhateverTheCase() {
        MailReference reference = MailReference.ofTokenHash(InvitationToken.generate().hash());
        String upper = reference.value().toUpperCase();

        assertEquals(Optional.of(reference), MailReference.inAddress("BOUNCES+" + upper + "@Bounce.Acme.Example"));
        assertEquals(Optional.of(reference), MailReference.inMessageId("<" + reference.messageId("acme.example") + ">"));
        assertEquals(Optional.of(reference), MailReference.inMessageId(" " + reference.messageId("acme.example")));
        assertEquals(Optional.of(reference), MailReference.inText("{\"nps_ref\":\"" + reference + "\"}"));
        assertEquals(Optional.empty(), MailReference.inAddress("bounces@bounce.acme.example"));
        assertEquals(Optional.empty(), MailReference.inMessageId("<invitation-42@acme.example>"));
        assertEquals(Optional.empty(), MailReference.inText("no reference here"));
        assertEquals(Optional.empty(), MailReference.inText(null));
    }

    @Test
    void referencesOfDistinctTokensDifferSoAMessageIdIsNeverReused() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(MailReference.ofTokenHash(InvitationToken.generate().hash()).value()));
        }
        assertNotEquals(MailReference.ofTokenHash(InvitationToken.generate().hash()),
                MailReference.ofTokenHash(InvitationToken.generate().hash()));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MailReference("short"));
        assertThrows(IllegalArgumentException.class, () -> new MailReference("1".repeat(MailReference.LENGTH)));
        assertThrows(IllegalArgumentException.class, () -> MailReference.ofTokenHash(InvitationToken.generate().hash())
                .returnPath("no-at-sign"));
    }
}
