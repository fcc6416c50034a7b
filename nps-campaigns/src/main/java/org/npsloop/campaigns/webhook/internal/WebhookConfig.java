package org.npsloop.campaigns.webhook.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook delivery settings of this instance, from MicroProfile Config (see the README's configuration table). */
@ApplicationScoped
public class WebhookConfig {

    @Inject
    @ConfigProperty(name = "nps.webhook.worker", defaultValue = "true")
    private boolean worker;

    @Inject
    @ConfigProperty(name = "nps.webhook.interval-ms", defaultValue = "1000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.webhook.lag-seconds", defaultValue = "30")
    private int lagSeconds;

    @Inject
    @ConfigProperty(name = "nps.webhook.timeout-seconds", defaultValue = "10")
    private int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "nps.webhook.lease-seconds", defaultValue = "60")
    private int leaseSeconds;

    @Inject
    @ConfigProperty(name = "nps.webhook.retry-initial-seconds", defaultValue = "30")
    private long retryInitialSeconds;

    @Inject
    @ConfigProperty(name = "nps.webhook.retry-max-seconds", defaultValue = "3600")
    private long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "nps.webhook.max-attempts", defaultValue = "8")
    private int maxAttempts;

    @Inject
    @ConfigProperty(name = "nps.webhook.retention-days", defaultValue = "30")
    private int retentionDays;

    private WebhookBackoff backoff;

    /** A bad back-off setting stops the deployment at once rather than at the first failure. */
    @PostConstruct
    void parse() {
        backoff = new WebhookBackoff(Duration.ofSeconds(retryInitialSeconds), Duration.ofSeconds(retryMaxSeconds), maxAttempts);
    }

    // Accessors only: callers hold a CDI proxy, whose fields are never set.

    /** Whether this instance scans and delivers (any number of instances may). */
    public boolean worker() {
        return worker;
    }

    public long intervalMillis() {
        return Math.max(50, intervalMillis);
    }

    /** How far behind the scan position each scan looks again, for transactions that commit late. */
    public Duration lag() {
        return Duration.ofSeconds(Math.max(0, lagSeconds));
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** Always longer than one attempt can take (connect plus response timeouts). */
    public Duration lease() {
        return Duration.ofSeconds(Math.max(leaseSeconds, 2L * timeout().toSeconds() + 5));
    }

    /** Finished deliveries (delivered or given up) older than this are deleted, payload and all. */
    public Duration retention() {
        return Duration.ofDays(Math.max(1, retentionDays));
    }

    public WebhookBackoff backoff() {
        return backoff;
    }
}
