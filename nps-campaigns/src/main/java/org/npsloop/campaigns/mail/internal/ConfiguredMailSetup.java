package org.npsloop.campaigns.mail.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.mail.MailSetup;
import org.npsloop.campaigns.mail.MailTransport;
import org.npsloop.domain.schema.Database;

/** {@link MailSetup} from MicroProfile Config (see the configuration table in the README). */
@ApplicationScoped
public class ConfiguredMailSetup implements MailSetup {

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
    @ConfigProperty(name = "nps.mail.bounce-address")
    private Optional<String> bounceAddress;

    @Inject
    @ConfigProperty(name = "nps.mail.unsubscribe-address")
    private Optional<String> unsubscribeAddress;

    @Inject
    @ConfigProperty(name = "nps.mail.dkim.domain")
    private Optional<String> dkimDomain;

    @Inject
    @ConfigProperty(name = "nps.mail.dkim.selector")
    private Optional<String> dkimSelector;

    @Inject
    @ConfigProperty(name = "nps.mail.dkim.private-key")
    private Optional<String> dkimKey;

    @Inject
    @ConfigProperty(name = "nps.mail.dkim.private-key-file")
    private Optional<String> dkimKeyFile;

    @Inject
    @ConfigProperty(name = "nps.mail.dkim.headers")
    private Optional<String> dkimHeaders;

    private static final Logger LOG = Logger.getLogger(ConfiguredMailSetup.class.getName());
    /** Null when DKIM is off. */
    private DkimSigner dkim;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** A DKIM setting that is wrong or half-given stops the start-up, with what to fix, rather than the first send. */
    @PostConstruct
    void readDkim() {
        Optional<String> domain = dkimDomain.map(String::strip).filter(d -> !d.isEmpty());
        if (domain.isEmpty()) {
            return;
        }
        try {
            String pem = dkimKey.map(String::strip).filter(k -> !k.isEmpty()).orElseGet(this::keyFromFile);
            List<String> headers = dkimHeaders.map(h -> Arrays.stream(h.split(",")).map(String::strip)
                    .filter(n -> !n.isEmpty()).toList()).orElse(DkimSigner.DEFAULT_HEADERS);
            dkim = new DkimSigner(domain.get(), dkimSelector.orElse(null), DkimSigner.privateKey(pem.replace("\\n", "\n")),
                    headers);
            LOG.info(() -> "DKIM: messages are signed for " + dkim.domain() + " with selector " + dkim.selector()
                    + " (the public key is published at " + dkim.selector() + "._domainkey." + dkim.domain() + ")");
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "DKIM is misconfigured: " + e.getMessage());
            throw new IllegalStateException("DKIM is misconfigured: " + e.getMessage(), e);
        }
    }

    private String keyFromFile() {
        String file = dkimKeyFile.map(String::strip).filter(f -> !f.isEmpty()).orElseThrow(() -> new IllegalArgumentException(
                "nps.mail.dkim.domain is set but neither nps.mail.dkim.private-key nor nps.mail.dkim.private-key-file"));
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read nps.mail.dkim.private-key-file " + file + ": " + e, e);
        }
    }

    private boolean usesSmtp() {
        return smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public MailTransport transport() {
        return usesSmtp()
                ? new SmtpTransport(new SmtpTransport.Settings(smtpHost.orElseThrow(), smtpPort, smtpStartTls && !smtpSsl,
                        smtpSsl, smtpUser.orElse(null), smtpPassword.orElse(null), 30_000), dkim)
                : new OutboxTransport(dataSource, clock);
    }

    @Override
    public String describeTransport() {
        return usesSmtp() ? "SMTP " + smtpHost.orElseThrow() + ":" + smtpPort : "the development outbox";
    }

    @Override
    public String from() {
        return from;
    }

    @Override
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @Override
    public String mailDomain() {
        String host = URI.create(baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }

    @Override
    public Optional<String> bounceAddress() {
        return bounceAddress.map(String::strip).filter(a -> a.indexOf('@') > 0);
    }

    @Override
    public String unsubscribeAddress() {
        return unsubscribeAddress.map(String::strip).filter(a -> a.indexOf('@') > 0)
                .or(() -> bounceAddress().map(b -> b.substring(0, b.lastIndexOf('@')) + "+unsubscribe" + b.substring(b.lastIndexOf('@'))))
                .orElse("unsubscribe@" + mailDomain());
    }
}
