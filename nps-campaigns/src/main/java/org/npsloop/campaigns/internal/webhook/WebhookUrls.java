package org.npsloop.campaigns.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.npsloop.campaigns.internal.outbound.OutboundGuard;

/**
 * Which webhook addresses are accepted: http(s) with a host and no credentials, whose host passes the
 * {@link OutboundGuard} (public addresses only, unless allowed by {@code nps.outbound.allowed}; https
 * except for allowed hosts and networks).
 */
public final class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private WebhookUrls() {
    }

    /**
     * @return the address, trimmed
     * @throws org.npsloop.domain.outbound.OutboundRefusedException when the guard refuses its host
     * @throws IllegalArgumentException saying why it is refused otherwise
     */
    public static String check(String url, OutboundGuard guard) {
        String value = url == null ? "" : url.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("An address is required to enable the webhook");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("At most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("An https address is expected, e.g. https://example.com/nps-hook");
        }
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("Credentials in the address are not allowed: the signature authenticates deliveries");
        }
        guard.check(uri);
        return value;
    }
}
