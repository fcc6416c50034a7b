package org.npsloop.campaigns.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.outbound.OutboundPolicy;
import org.npsloop.domain.outbound.OutboundRefusal;
import org.npsloop.domain.outbound.OutboundRefusedException;

/**
 * Resolves an outbound address's host and checks every address it resolves to; the result is what a
 * connection may use ({@link PinnedHttpPost} connects to nothing else). Plain http is only for hosts and
 * networks the administrator allowed: anything else needs https.
 */
public final class OutboundGuard {

    /** Host name to addresses; the system resolver in production, a scripted one in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM_RESOLVER = host -> List.of(InetAddress.getAllByName(host));

    /** A checked destination: connect to {@code addresses}, present {@code host} (Host header, TLS name). */
    public record Destination(URI uri, boolean https, String host, int port, List<InetAddress> addresses) {
    }

    private final OutboundPolicy policy;
    private final Resolver resolver;

    public OutboundGuard(OutboundPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * @param uri an absolute http or https address without credentials (see WebhookUrls for the syntax)
     * @throws OutboundRefusedException naming the host or address refused and why
     * @throws IllegalArgumentException when it is not an http(s) address with a host
     */
    public Destination check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("address.scheme");
        }
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves the host out when it is no valid name, e.g. 0x7f.1 or 127.1: say why when it is numeric.
            OutboundPolicy.literalOf(authorityHost(uri.getRawAuthority()));
            throw new InvalidValueException("address.noHost");
        }
        Optional<InetAddress> literal = OutboundPolicy.literalOf(host);
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else {
            try {
                addresses = List.copyOf(resolver.resolve(host));
            } catch (UnknownHostException e) {
                addresses = List.of();
            }
        }
        OutboundPolicy.Verdict verdict = policy.check(host, addresses);
        boolean https = scheme.equals("https");
        if (!https && !verdict.allowedByConfiguration()) {
            throw new OutboundRefusedException(OutboundRefusal.PLAIN_HTTP, host);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new Destination(uri, https, bare, port, addresses);
    }

    private static String authorityHost(String authority) {
        String value = authority == null ? "" : authority.substring(authority.lastIndexOf('@') + 1);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
