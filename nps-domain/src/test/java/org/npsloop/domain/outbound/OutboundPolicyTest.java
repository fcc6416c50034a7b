package org.npsloop.domain.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "::1, LOOPBACK",
        "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE", "fec0::1, PRIVATE",
        "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
        "100.64.0.1, SHARED", "100.127.255.255, SHARED",
        "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
        "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
        "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
        "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "192.0.0.8, RESERVED", "198.18.0.1, RESERVED",
        // IPv6 forms carrying an IPv4 address are judged by it
        "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::127.0.0.1, LOOPBACK", "::10.0.0.1, PRIVATE",
        "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::a9fe:a9fe, LINK_LOCAL", "2002:7f00:1::, LOOPBACK", "2002:c0a8:101::1, PRIVATE"})
    void everyNonPublicAddressIsRefused(String address, OutboundRefusal reason) {
        assertEquals(Optional.of(reason), OutboundAddresses.refusal(ip(address)), address);
    }

    /** Raw 16 bytes: the JDK turns a parsed ::ffff:a.b.c.d into an IPv4 address, a resolver's answer may not be. */
    @Test
    void mappedAddressAsSixteenBytesIsJudgedByItsIpv4() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertEquals(Optional.of(OutboundRefusal.LOOPBACK), OutboundAddresses.refusal(java.net.Inet6Address.getByAddress(null, mapped, -1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.255.255", "223.255.255.255", "2606:4700::1111", "2001:db8::1", "::ffff:93.184.215.14", "64:ff9b::808:808"})
    void publicAddressesPass(String address) {
        assertEquals(Optional.empty(), OutboundAddresses.refusal(ip(address)), address);
        assertFalse(OutboundPolicy.publicOnly().check("receiver.example.com", List.of(ip(address))).allowedByConfiguration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001", "127.1", "127.0.1", "017700000001",
        "127.000.000.001", "0x7F.0.0.1", "1.2.3.4.5", "127.0.0.1.", "0", "[::ffff:127.0.0.1:1]"})
    void numericHostFormsOtherThanDottedAreRefused(String host) {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class,
                () -> OutboundPolicy.publicOnly().check(host, List.of(ip("93.184.215.14"))));
        assertEquals(OutboundRefusal.NUMERIC_HOST_FORM, e.reason(), host);
        assertEquals("url", e.errors().get(0).field());
    }

    @Test
    void literalsNeedNoResolving() {
        assertEquals(Optional.of(ip("127.0.0.2")), OutboundPolicy.literalOf("127.0.0.2"));
        assertEquals(Optional.of(ip("::1")), OutboundPolicy.literalOf("[::1]"));
        assertEquals(Optional.empty(), OutboundPolicy.literalOf("hooks.example.com"));
        assertEquals(Optional.empty(), OutboundPolicy.literalOf("7eleven.example"));
    }

    @Test
    void anyForbiddenAddressAmongSeveralRefusesTheHost() {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class, () -> OutboundPolicy.publicOnly()
                .check("rebind.attacker.example", List.of(ip("93.184.215.14"), ip("169.254.169.254"))));
        assertEquals(OutboundRefusal.LINK_LOCAL, e.reason());
        assertEquals("rebind.attacker.example (169.254.169.254)", e.subject());
    }

    @Test
    void aHostWithoutAddressIsUnresolvable() {
        OutboundRefusedException e = assertThrows(OutboundRefusedException.class,
                () -> OutboundPolicy.allowing("crm.example.invalid").check("crm.example.invalid", List.of()));
        assertEquals(OutboundRefusal.UNRESOLVABLE, e.reason());
    }

    @Test
    void anAllowedHostIsAllowedAsWrittenOnly() {
        OutboundPolicy policy = OutboundPolicy.allowing(" hooks.intranet.local, 127.0.0.1 ,::1");
        assertTrue(policy.check("Hooks.Intranet.Local.", List.of(ip("10.9.8.7"))).allowedByConfiguration());
        assertTrue(policy.check("127.0.0.1", List.of(ip("127.0.0.1"))).allowedByConfiguration());
        assertTrue(policy.check("[0:0::1]", List.of(ip("::1"))).allowedByConfiguration());
        // The same loopback address under another spelling or name is not what the administrator allowed.
        for (String other : new String[] {"localhost", "127.0.0.2", "[::ffff:127.0.0.1]", "other.intranet.local"}) {
            assertThrows(OutboundRefusedException.class, () -> policy.check(other, List.of(ip("127.0.0.1"))), other);
        }
    }

    @Test
    void anAllowedNetworkAllowsAnyNameResolvingIntoIt() {
        OutboundPolicy policy = OutboundPolicy.allowing("10.1.0.0/16,fd00:1::/64");
        assertTrue(policy.check("crm.intranet.local", List.of(ip("10.1.200.3"))).allowedByConfiguration());
        assertTrue(policy.check("[fd00:1::5]", List.of(ip("fd00:1::5"))).allowedByConfiguration());
        assertFalse(policy.check("mixed.example", List.of(ip("10.1.0.9"), ip("93.184.215.14"))).allowedByConfiguration());
        OutboundRefusedException outside = assertThrows(OutboundRefusedException.class,
                () -> policy.check("crm.intranet.local", List.of(ip("10.1.0.9"), ip("10.2.0.1"))));
        assertEquals(OutboundRefusal.PRIVATE, outside.reason());
        assertThrows(OutboundRefusedException.class, () -> policy.check("fd00:2::1", List.of(ip("fd00:2::1"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "example.com/8", "fd00::/129", "0177.0.0.0/8"})
    void aBadEntryStopsTheConfiguration(String entry) {
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.allowing(entry));
    }
}
