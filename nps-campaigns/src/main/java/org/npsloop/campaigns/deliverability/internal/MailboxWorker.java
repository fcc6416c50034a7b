package org.npsloop.campaigns.deliverability.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.campaigns.mail.MailSetup;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * This instance's bounce mailbox poller ({@code nps.bounce.mailbox.*}; none without a host). Any number of instances
 * may run it: the mailbox's lease lets one poll at a time, and each mail's received key is recorded once.
 */
@ApplicationScoped
public class MailboxWorker {

    private static final Logger LOG = Logger.getLogger(MailboxWorker.class.getName());

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private MailSetup mailSetup;

    @Inject
    private Clock clock;

    @Inject
    private SchemaMigrator migrator;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.port", defaultValue = "0")
    private int port;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.protocol", defaultValue = "imaps")
    private String protocol;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.folder", defaultValue = "INBOX")
    private String folder;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.processed-folder", defaultValue = "Processed")
    private String processedFolder;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.quarantine-folder", defaultValue = "Quarantine")
    private String quarantineFolder;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.interval-ms", defaultValue = "60000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.lease-seconds", defaultValue = "300")
    private long leaseSeconds;

    @Inject
    @ConfigProperty(name = "nps.bounce.mailbox.batch", defaultValue = "200")
    private int batch;

    private final String worker = PeriodicWorker.instanceName("mailbox", 200);
    private MailboxSettings settings;
    private PeriodicWorker loop;
    private MailboxPoller poller;
    /** The last connection failure logged: an unreachable mailbox is said once, not every round. */
    private volatile String lastFailure;

    @PostConstruct
    void readSettings() {
        settings = new MailboxSettings(host.orElse(null), port, protocol, user.orElse(null), password.orElse(null), folder,
                processedFolder, quarantineFolder, intervalMillis, Duration.ofSeconds(Math.max(30, leaseSeconds)),
                Math.max(1, batch), Duration.ofSeconds(30));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!settings.enabled()) {
            return;
        }
        poller = new MailboxPoller(settings, new ReturnedMailParser(mailSetup.unsubscribeAddress()), deliverability::report,
                dataSource::getConnection, clock, worker);
        loop = PeriodicWorker.of("Bounce mailbox round", scheduler, settings::intervalMillis, this::tick, LOG)
                .waitingForSchema(migrator::pendingMigrations);
        loop.start();
        LOG.info(() -> "Bounce mailbox " + settings.describe() + " polled every " + settings.intervalMillis() + " ms by " + worker
                + "; unsubscribe address " + mailSetup.unsubscribeAddress());
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    void tick() throws SQLException {
        try {
            MailboxPoller.Round round = poller.poll();
            if (lastFailure != null) {
                lastFailure = null;
                LOG.info(() -> "Bounce mailbox " + settings.describe() + " reachable again");
            }
            if (round.handled() > 0) {
                LOG.info(() -> "Bounce mailbox: " + round);
            }
        } catch (MessagingException e) {
            String failure = String.valueOf(e.getMessage());
            if (!failure.equals(lastFailure)) {
                lastFailure = failure;
                LOG.warning(() -> "Bounce mailbox " + settings.describe() + " not read: " + failure + " (said once until it changes)");
            } else {
                LOG.log(Level.FINE, "Bounce mailbox not read", e);
            }
        }
    }
}
