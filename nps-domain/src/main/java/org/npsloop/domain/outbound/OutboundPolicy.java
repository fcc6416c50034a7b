package org.npsloop.domain.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the server may send a request to a host, given every address it resolves to, and the hosts and
 * networks an administrator allowed for an on-premises receiver ({@code nps.outbound.allowed}, e.g.
 * {@code hooks.intranet.local,10.1.0.0/16}).
 * <ul>
 * <li>An entry without a prefix is a host: it allows that host as written in an address (a name, or an
 * IP address written the same way), whatever it resolves to. Allowing {@code 127.0.0.1} does not allow
 * {@code localhost} nor {@code 127.0.0.2}.</li>
 * <li>An entry with a prefix ({@code 10.1.0.0/16}, {@code fd00:1::/64}) is a network: it allows any host whose
 * addresses all lie in allowed networks or are public.</li>
 * <li>Any other host is refused if ANY of its addresses is not public (see {@link OutboundAddresses}):
 * an attacker's name that resolves to a public and a private address is refused.</li>
 * </ul>
 * Hosts written as numbers in another form than a plain dotted address ({@code 2130706433},
 * {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}) are refused outright: resolvers read them differently.
 */
public final class OutboundPolicy {

    /** What was decided: {@code allowedByConfiguration} when the host or all its addresses were allowed by name or network. */
    public record Verdict(boolean allowedByConfiguration) {
    }

    private record Network(byte[] prefix, int bits) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Only digits, dots and hex numbers: something a resolver may read as an IPv4 address. */
    private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    /** A plain dotted IPv4 address: four decimal numbers 0-255 without leading zeros. */
    private static final Pattern DOTTED = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final Set<String> hosts;
    private final List<Network> networks;

    private OutboundPolicy(Set<String> hosts, List<Network> networks) {
        this.hosts = hosts;
        this.networks = networks;
    }

    /** Nothing allowed beyond public addresses. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(Set.of(), List.of());
    }

    /**
     * @param allowed entries separated by commas or spaces; blank for none
     * @throws IllegalArgumentException naming the entry that is neither a host nor a network
     */
    public static OutboundPolicy allowing(String allowed) {
        List<String> hosts = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (String entry : (allowed == null ? "" : allowed).split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int slash = entry.indexOf('/');
            if (slash < 0) {
                hosts.add(canonicalHost(entry));
                continue;
            }
            InetAddress address = literal(entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("nps.outbound.allowed: not a network: " + entry));
            int bits;
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("nps.outbound.allowed: not a prefix length: " + entry, e);
            }
            if (bits < 0 || bits > address.getAddress().length * 8) {
                throw new IllegalArgumentException("nps.outbound.allowed: prefix length out of range: " + entry);
            }
            networks.add(new Network(address.getAddress(), bits));
        }
        return new OutboundPolicy(Set.copyOf(hosts), List.copyOf(networks));
    }

    /**
     * The host's own form, before it is resolved: refuses numeric spellings other than a plain dotted address.
     *
     * @return the address the host is a literal of, if it is one (then it needs no resolving)
     * @throws OutboundRefusedException for an ambiguous numeric form
     */
    public static Optional<InetAddress> literalOf(String host) {
        String bare = bare(host);
        if (bare.contains(":")) {
            return Optional.of(literal(bare).orElseThrow(() -> new OutboundRefusedException(OutboundRefusal.NUMERIC_HOST_FORM, host)));
        }
        if (NUMERIC.matcher(bare).matches()) {
            if (!DOTTED.matcher(bare).matches()) {
                throw new OutboundRefusedException(OutboundRefusal.NUMERIC_HOST_FORM, host);
            }
            return literal(bare);
        }
        return Optional.empty();
    }

    /**
     * @param host      as written in the address (brackets around IPv6 allowed)
     * @param addresses every address the host resolved to (the ones that will be connected to)
     * @throws OutboundRefusedException naming the host or the first refused address
     */
    public Verdict check(String host, List<InetAddress> addresses) {
        literalOf(host);
        if (addresses.isEmpty()) {
            throw new OutboundRefusedException(OutboundRefusal.UNRESOLVABLE, host);
        }
        if (hosts.contains(canonicalHost(host))) {
            return new Verdict(true);
        }
        boolean allInAllowedNetworks = true;
        for (InetAddress address : addresses) {
            if (networks.stream().anyMatch(n -> n.contains(address))) {
                continue;
            }
            allInAllowedNetworks = false;
            Optional<OutboundRefusal> refusal = OutboundAddresses.refusal(address);
            if (refusal.isPresent()) {
                String subject = address.getHostAddress();
                throw new OutboundRefusedException(refusal.get(), subject.equals(bare(host)) ? host : host + " (" + subject + ")");
            }
        }
        return new Verdict(allInAllowedNetworks);
    }

    /**
     * Lower case, without IPv6 brackets and a final dot; an IPv6 address in one canonical form, kept apart
     * from IPv4 ones: allowing {@code 127.0.0.1} does not allow {@code [::ffff:127.0.0.1]}.
     */
    private static String canonicalHost(String host) {
        String bare = bare(host).toLowerCase(Locale.ROOT);
        if (bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        if (bare.contains(":")) {
            return "ipv6:" + literal(bare).map(InetAddress::getHostAddress).orElse(bare);
        }
        return bare;
    }

    private static String bare(String host) {
        String value = host == null ? "" : host.strip();
        return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    }

    /** An IP literal parsed without any name lookup (only called on dotted or colon forms). */
    private static Optional<InetAddress> literal(String text) {
        String bare = bare(text);
        if (!bare.contains(":") && !DOTTED.matcher(bare).matches()) {
            return Optional.empty();
        }
        // Only hex digits, colons and dots (and a zone): the JDK then parses the text and never asks DNS.
        if (!bare.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
