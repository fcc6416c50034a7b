package org.npsloop.campaigns.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.npsloop.domain.i18n.InvalidValueException;

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
            throw new InvalidValueException("webhook.url.required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("text.tooLong", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("address.invalid", e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidValueException("webhook.url.https");
        }
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new InvalidValueException("webhook.url.credentials");
        }
        guard.check(uri);
        return value;
    }
}
