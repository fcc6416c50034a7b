package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.domain.outbound.OutboundPolicy;
import org.npsloop.domain.outbound.OutboundRefusal;
import org.npsloop.domain.outbound.OutboundRefusedException;

class WebhookUrlsTest {

    /** A resolver that knows a few names, as DNS would answer them. */
    private static final Map<String, String> DNS = Map.of("crm.example.com", "93.184.215.14", "localhost", "127.0.0.1",
            "hooks.intranet.local", "10.1.2.3", "metadata.attacker.example", "169.254.169.254", "localhost.evil.example", "127.0.0.1");
    private static final OutboundGuard GUARD = new OutboundGuard(OutboundPolicy.allowing("127.0.0.1,hooks.intranet.local"), host -> {
        String address = DNS.get(host.toLowerCase());
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    });

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.com/hooks/nps", "http://127.0.0.1:8531/hook", "HTTPS://CRM.example.com",
        "http://hooks.intranet.local/nps"})
    void httpsToPublicHostsOrHttpToAllowedOnesIsAccepted(String url) {
        assertEquals(url, WebhookUrls.check("  " + url + " ", GUARD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://example.com/x", "/relative/path", "https://", "https://user:pass@example.com/x",
        "not a url", "https://user@0x7f.1/"})
    void malformedAddressesAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> WebhookUrls.check(url, GUARD));
    }

    @ParameterizedTest
    @CsvSource({
        "http://crm.example.com/hook, PLAIN_HTTP", "https://crm.example.invalid/hook, UNRESOLVABLE",
        "https://localhost/, LOOPBACK", "http://localhost.evil.example/x, LOOPBACK", "https://[::1]/, LOOPBACK",
        "https://127.0.0.2/, LOOPBACK", "http://[::ffff:127.0.0.1]:8080/, LOOPBACK", "https://0.0.0.0/, UNSPECIFIED",
        "http://169.254.169.254/latest/meta-data/, LINK_LOCAL", "https://metadata.attacker.example/, LINK_LOCAL",
        "http://10.0.0.1/, PRIVATE", "https://[fd00::1]/, UNIQUE_LOCAL", "https://100.64.0.1/, SHARED",
        "http://2130706433/, NUMERIC_HOST_FORM", "http://0177.0.0.1/, NUMERIC_HOST_FORM", "http://0x7f.1/, NUMERIC_HOST_FORM",
        "https://127.1:8443/, NUMERIC_HOST_FORM"})
    void forbiddenDestinationsAreRefusedWithTheirReason(String url, OutboundRefusal reason) {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class, () -> WebhookUrls.check(url, GUARD));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals("url", e.errors().get(0).field());
    }

    @Test
    void theRefusalNamesTheAddressAHostResolvedTo() {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class,
                () -> WebhookUrls.check("https://metadata.attacker.example/x", GUARD));
        assertEquals("url: metadata.attacker.example (169.254.169.254) " + OutboundRefusal.LINK_LOCAL.english(), e.getMessage());
    }
}
