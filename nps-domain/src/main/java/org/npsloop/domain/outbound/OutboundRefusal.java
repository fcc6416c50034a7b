package org.npsloop.domain.outbound;

/** Why the server refuses to send a request to an address; the web layer translates each (outbound.refused.*). */
public enum OutboundRefusal {
    NUMERIC_HOST_FORM("is written as a number in a form other than a plain dotted address (decimal, octal, hex or shortened)"),
    UNRESOLVABLE("cannot be resolved to an address"),
    LOOPBACK("is a loopback address (this machine)"),
    PRIVATE("is a private network address"),
    LINK_LOCAL("is a link-local address (including the cloud metadata service 169.254.169.254)"),
    SHARED("is a carrier-grade NAT address (100.64.0.0/10)"),
    UNIQUE_LOCAL("is an IPv6 unique local address (fc00::/7)"),
    MULTICAST("is a multicast address"),
    UNSPECIFIED("is an unspecified address (0.0.0.0 or ::)"),
    RESERVED("is a reserved or broadcast address"),
    PLAIN_HTTP("is not allowed over plain http: use https (http only for hosts and networks allowed by nps.outbound.allowed)");

    private final String english;

    OutboundRefusal(String english) {
        this.english = english;
    }

    /** The reason in English, after the host or address it concerns (for logs, the delivery log and the API's default). */
    public String english() {
        return english;
    }
}
