package org.npsloop.campaigns.survey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestRecipientsTest {

    @Test
    void theCallersOwnAddressIsAllowedWhateverItsCase() {
        TestRecipients none = new TestRecipients("");
        assertTrue(none.allows("Marie.Curie@Acme.example", "marie.curie@acme.example"));
        assertFalse(none.allows("someone@acme.example", "marie.curie@acme.example"));
        assertFalse(none.allows("someone@acme.example", null), "an API key has no address of its own");
    }

    @Test
    void addressesAndWholeDomainsAnAdministratorAllowed() {
        TestRecipients allowed = new TestRecipients(" @Acme.example , qa@agency.example,");
        assertTrue(allowed.allows("anyone@acme.example", null));
        assertTrue(allowed.allows("QA@agency.example", null));
        assertFalse(allowed.allows("boss@agency.example", null));
        assertFalse(allowed.allows("x@evil-acme.example", null), "a domain entry matches that domain only");
        assertFalse(allowed.allows("x@sub.acme.example", null));
        assertFalse(new TestRecipients(null).allows("x@acme.example", null));
    }
}
