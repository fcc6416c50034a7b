package org.npsloop.domain.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which IP addresses the server never sends a request to on its own: everything that is not a public
 * unicast address. IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}) are judged by that IPv4 address.
 */
public final class OutboundAddresses {

    private OutboundAddresses() {
    }

    /** Empty for a public address; otherwise why it is refused. */
    public static Optional<OutboundRefusal> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return Optional.ofNullable(bytes.length == 4 ? ipv4(bytes, 0) : ipv6(bytes));
    }

    private static OutboundRefusal ipv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        if (a == 0) {
            return OutboundRefusal.UNSPECIFIED; // 0.0.0.0/8, "this network": 0.0.0.0 reaches this machine
        }
        if (a == 127) {
            return OutboundRefusal.LOOPBACK;
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return OutboundRefusal.PRIVATE;
        }
        if (a == 169 && b == 254) {
            return OutboundRefusal.LINK_LOCAL;
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return OutboundRefusal.SHARED;
        }
        if (a >= 224 && a <= 239) {
            return OutboundRefusal.MULTICAST;
        }
        // 240.0.0.0/4 with the broadcast address, IETF protocol assignments 192.0.0.0/24, benchmarking 198.18.0.0/15
        if (a >= 240 || (a == 192 && b == 0 && c == 0) || (a == 198 && (b == 18 || b == 19))) {
            return OutboundRefusal.RESERVED;
        }
        return null;
    }

    private static OutboundRefusal ipv6(byte[] bytes) {
        if (zeros(bytes, 0, 16)) {
            return OutboundRefusal.UNSPECIFIED;
        }
        if (zeros(bytes, 0, 15) && bytes[15] == 1) {
            return OutboundRefusal.LOOPBACK;
        }
        boolean mapped = zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeros(bytes, 0, 12);
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && zeros(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            OutboundRefusal embedded = ipv4(bytes, 12);
            return embedded != null ? embedded : compatible ? OutboundRefusal.RESERVED : null;
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            return ipv4(bytes, 2); // 6to4 relays to the embedded IPv4 address
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return OutboundRefusal.LINK_LOCAL; // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return OutboundRefusal.PRIVATE; // fec0::/10, the deprecated site-local range
        }
        if ((first & 0xfe) == 0xfc) {
            return OutboundRefusal.UNIQUE_LOCAL; // fc00::/7
        }
        if (first == 0xff) {
            return OutboundRefusal.MULTICAST;
        }
        return null;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        byte[] part = Arrays.copyOfRange(bytes, from, to);
        for (byte b : part) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
