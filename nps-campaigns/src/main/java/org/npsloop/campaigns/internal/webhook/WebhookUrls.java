package org.npsloop.campaigns.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which webhook addresses are accepted: https, or plain http to this machine only (for development and tests). */
public final class WebhookUrls {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrls() {
    }

    /**
     * @return the address, trimmed
     * @throws IllegalArgumentException saying why it is refused
     */
    public static String check(String url) {
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
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !uri.isAbsolute()) {
            throw new IllegalArgumentException("Not an absolute address with a host, e.g. https://example.com/nps-hook");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Credentials in the address are not allowed: the signature authenticates deliveries");
        }
        if (scheme.equals("https") || (scheme.equals("http") && LOCAL_HOSTS.contains(host))) {
            return value;
        }
        throw new IllegalArgumentException("The address must use https (http only for localhost or 127.0.0.1)");
    }
}
