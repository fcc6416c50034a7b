package org.npsloop.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SameOriginTest {

    private static final Set<String> OWN = Set.of("http://localhost:8080", "https://nps.acme.example");

    @Test
    void theOriginHeaderDecidesWhenItIsThere() {
        assertTrue(SameOrigin.fromOwnOrigin("http://localhost:8080", null, null, OWN));
        assertTrue(SameOrigin.fromOwnOrigin("HTTPS://NPS.acme.example:443", null, null, OWN), "default port, any case");
        assertFalse(SameOrigin.fromOwnOrigin("http://evil.example", "same-origin", "http://localhost:8080/", OWN),
                "a foreign Origin is not outvoted");
        assertFalse(SameOrigin.fromOwnOrigin("http://localhost:8081", null, null, OWN), "another port");
        assertFalse(SameOrigin.fromOwnOrigin("https://localhost:8080", null, null, OWN), "another scheme");
        assertFalse(SameOrigin.fromOwnOrigin("http://nps.acme.example", null, null, OWN), "http is not https");
        assertFalse(SameOrigin.fromOwnOrigin("http://localhost:8080.evil.example", null, null, OWN));
    }

    @Test
    void withoutAnOriginFetchMetadataThenTheRefererDecide() {
        assertTrue(SameOrigin.fromOwnOrigin(null, "same-origin", null, OWN));
        assertFalse(SameOrigin.fromOwnOrigin(null, "same-site", null, OWN), "a sibling subdomain is another origin");
        assertFalse(SameOrigin.fromOwnOrigin(null, "cross-site", "http://localhost:8080/", OWN));
        assertFalse(SameOrigin.fromOwnOrigin(null, "none", null, OWN));
        assertTrue(SameOrigin.fromOwnOrigin("null", null, "https://nps.acme.example/campaigns/index.xhtml", OWN),
                "an opaque origin falls back to the Referer");
        assertFalse(SameOrigin.fromOwnOrigin(null, null, "http://evil.example/x?http://localhost:8080/", OWN));
        assertFalse(SameOrigin.fromOwnOrigin(null, null, "not a url", OWN));
        assertFalse(SameOrigin.fromOwnOrigin(null, null, null, OWN), "nothing said: refused");
    }

    @Test
    void originsAreNormalised() {
        assertEquals(Optional.of("https://nps.acme.example"), SameOrigin.originOf("https://NPS.acme.example:443/x"));
        assertEquals(Optional.of("http://[::1]:8080"), SameOrigin.originOf("http://[::1]:8080/"));
        assertEquals(Optional.empty(), SameOrigin.originOf("/relative"));
    }

    @Test
    void onlyTheFourEspWebhooksAreLeftToTheirSignatures() {
        for (String path : new String[] {"/api/esp/ses", "/api/esp/sendgrid", "/api/esp/mailgun", "/api/esp/postmark"}) {
            assertTrue(SameOriginFilter.isEspWebhook(path), path);
        }
        for (String path : new String[] {"/api/esp", "/api/esp/", "/api/esp/ses/../../suppressions", "/api/esp/other",
                "/api/suppressions", "/api/esp/ses/x", "/api/deliverability/events"}) {
            assertFalse(SameOriginFilter.isEspWebhook(path), path);
        }
    }
}
