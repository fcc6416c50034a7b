package org.npsloop.campaigns.webhook.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.outbound.OutboundPolicy;

/**
 * The hosts and networks an administrator allowed for requests the server sends itself
 * ({@code nps.outbound.allowed}, env {@code NPS_OUTBOUND_ALLOWED}): by default none, only public addresses.
 */
@ApplicationScoped
public class OutboundSettings {

    @Inject
    @ConfigProperty(name = "nps.outbound.allowed")
    private Optional<String> allowed;

    private OutboundGuard guard;

    /** A malformed entry stops the deployment at once rather than at the first delivery. */
    @PostConstruct
    void parse() {
        guard = new OutboundGuard(OutboundPolicy.allowing(allowed.orElse("")), OutboundGuard.SYSTEM_RESOLVER);
    }

    // Accessor only: callers hold a CDI proxy, whose fields are never set.
    public OutboundGuard guard() {
        return guard;
    }
}
