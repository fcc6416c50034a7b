package org.npsloop.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is calling, as far as limits per address go (the respondent pages' rate limit, the sign-in
 * throttle): the connection's address, or the last entry of a header that the proxy in front sets
 * ({@code nps.respond.client-address-header}, e.g. X-Forwarded-For). Configure the header only behind
 * a proxy that writes it: without one, a client could name any address it likes.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "nps.respond.client-address-header")
    private Optional<String> addressHeader;

    public String of(HttpServletRequest request) {
        if (addressHeader.isPresent()) {
            String forwarded = request.getHeader(addressHeader.get());
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return request.getRemoteAddr();
    }
}
