package org.npsloop.campaigns.mail.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
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

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    private boolean usesSmtp() {
        return smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public MailTransport transport() {
        return usesSmtp()
                ? new SmtpTransport(new SmtpTransport.Settings(smtpHost.orElseThrow(), smtpPort, smtpStartTls && !smtpSsl,
                        smtpSsl, smtpUser.orElse(null), smtpPassword.orElse(null), 30_000))
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
