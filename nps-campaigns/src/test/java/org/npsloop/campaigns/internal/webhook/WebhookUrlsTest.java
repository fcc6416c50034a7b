package org.npsloop.campaigns.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.com/hooks/nps", "http://localhost:8531/hook", "http://127.0.0.1/x", "HTTPS://Example.com"})
    void httpsOrLocalHttpIsAccepted(String url) {
        assertEquals(url, WebhookUrls.check("  " + url + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://crm.example.com/hook", "ftp://example.com/x", "/relative/path", "https://",
            "https://user:pass@example.com/x", "http://localhost.evil.example/x", "not a url"})
    void anythingElseIsRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> WebhookUrls.check(url));
    }
}
