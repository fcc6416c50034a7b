package org.npsloop.campaigns.internal.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.internal.mail.SmtpTransport;

/** Sending settings, from MicroProfile Config (see the README's configuration table). */
@ApplicationScoped
public class DispatchSettings {

    @Inject
    @ConfigProperty(name = "nps.smtp.host")
    private Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "nps.smtp.port", defaultValue = "587")
    private int smtpPort;

    @Inject
    @ConfigProperty(name = "nps.smtp.starttls", defaultValue = "true")
    private boolean smtpStartTls;

    @Inject
    @ConfigProperty(name = "nps.smtp.ssl", defaultValue = "false")
    private boolean smtpSsl;

    @Inject
    @ConfigProperty(name = "nps.smtp.user")
    private Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "nps.smtp.password")
    private Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "nps.mail.from", defaultValue = "nps@localhost")
    private String from;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    @Inject
    @ConfigProperty(name = "nps.dispatch.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "nps.dispatch.rate", defaultValue = "100")
    private int ratePerSecond;

    @Inject
    @ConfigProperty(name = "nps.dispatch.threads", defaultValue = "1")
    private int threads;

    @Inject
    @ConfigProperty(name = "nps.dispatch.synchronous-commit", defaultValue = "false")
    private boolean synchronousCommit;

    @Inject
    @ConfigProperty(name = "nps.dispatch.batch", defaultValue = "100")
    private int batchSize;

    @Inject
    @ConfigProperty(name = "nps.dispatch.interval-ms", defaultValue = "1000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.dispatch.lease-seconds", defaultValue = "120")
    private int leaseSeconds;

    @Inject
    @ConfigProperty(name = "nps.dispatch.retry-delays", defaultValue = Backoff.DEFAULT_DELAYS)
    private String retryDelays;

    @Inject
    @ConfigProperty(name = "nps.fatigue.days", defaultValue = "90")
    private int fatigueDays;

    private Backoff backoff;

    /** A bad retry-delays value stops the deployment at once rather than at the first 4xx reply. */
    @PostConstruct
    void parse() {
        backoff = Backoff.of(retryDelays);
    }

    public boolean usesSmtp() {
        return smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    /** Base URL of respondent links, always ending with "/". */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The domain of Message-IDs and of the unsubscribe mailbox: the public host. */
    public String mailDomain() {
        String host = URI.create(baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }

    public int fatigueDays() {
        return fatigueDays;
    }

    // Accessors only: callers hold a CDI proxy, whose fields are never set.

    public SmtpTransport.Settings smtp() {
        return new SmtpTransport.Settings(smtpHost.orElseThrow(), smtpPort, smtpStartTls && !smtpSsl, smtpSsl, smtpUser.orElse(null),
                smtpPassword.orElse(null), 30_000);
    }

    public String describeTransport() {
        return usesSmtp() ? "SMTP " + smtpHost.orElseThrow() + ":" + smtpPort : "the development outbox";
    }

    public String from() {
        return from;
    }

    public boolean enabled() {
        return enabled;
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    /** Sending threads of this instance, each with its own SMTP and database connection (at least 1). */
    public int threads() {
        return Math.max(1, threads);
    }

    /** Whether SENT marks wait for PostgreSQL's WAL flush (see Dispatcher#commitWithoutFlush). */
    public boolean synchronousCommit() {
        return synchronousCommit;
    }

    public int batchSize() {
        return batchSize;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    /** When to retry after a temporary (4xx) refusal. */
    public Backoff backoff() {
        return backoff;
    }
}
