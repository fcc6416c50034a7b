package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e1\"}";

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
        // python3: hmac.new(b'whsec_test', b'1700000000.{"id":"e1"}', hashlib.sha256).hexdigest()
        assertEquals("sha256=6a85cb117c993612a34c72b4cfb5a16baed25a80d26e298ce0e6671320fd07c8",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY));
    }

    @Test
    void aReceiverVerifiesItAndRefusesAnyTampering() {
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
        assertTrue(WebhookSignature.verify("whsec_test", "1700000000", BODY, signature));
        assertFalse(WebhookSignature.verify("whsec_other", "1700000000", BODY, signature), "another secret");
        assertFalse(WebhookSignature.verify("whsec_test", "1700000001", BODY, signature), "another timestamp");
        assertFalse(WebhookSignature.verify("whsec_test", "1700000000", BODY.replace("e1", "e2"), signature), "another body");
        assertFalse(WebhookSignature.verify("whsec_test", "yesterday", BODY, signature));
        assertFalse(WebhookSignature.verify("whsec_test", "1700000000", BODY, null));
    }

    @Test
    void secretsAreRandomWithAPrefix() {
        String a = WebhookSignature.newSecret();
        assertTrue(a.startsWith("whsec_") && a.length() == 6 + 43, a);
        assertNotEquals(a, WebhookSignature.newSecret());
    }
}
