package org.npsloop.campaigns.campaign.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.campaigns.mail.InvitationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.MailSetup;
import org.npsloop.campaigns.mail.MailTransport;
import org.npsloop.campaigns.mail.MailTransport.DeliveryException;
import org.npsloop.campaigns.mail.SurveyMailRenderer;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.BounceClassifier;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;
import org.npsloop.domain.deliverability.SendingPace;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.schema.SchemaMigrator;
import org.npsloop.domain.survey.Survey;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * The sending worker of this instance, ticking on the container's scheduled executor (no EJB timers:
 * Payara Micro does not coordinate them across instances). Each tick starts due campaigns, then
 * claims and sends batches until the queue is empty, then closes finished campaigns. Any number of
 * instances can run it against one database.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** A campaign pauses itself when at least this many messages failed and they are the majority. */
    static final int PAUSE_AFTER_FAILURES = 10;

    @Resource(lookup = PeriodicWorker.SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DispatchSurveys surveyLookup;

    @Inject
    private DispatchSettings settings;

    @Inject
    private MailSetup mailSetup;

    @Inject
    private CampaignStarter starter;

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private Clock clock;

    @Inject
    private SchemaMigrator migrator;

    private final SurveyMailRenderer renderer = new SurveyMailRenderer();
    private final String worker = PeriodicWorker.instanceName(null, 100);
    private MailTransport transport;
    /** This instance's sending rate, shared by its threads and kept from one drain to the next. */
    private volatile SendingPace pace;
    private PeriodicWorker loop;
    /** The sending threads beyond the scheduler's own (nps.dispatch.threads - 1); null with one thread. */
    private ExecutorService senders;
    private static final Duration REMINDER_CHECK = Duration.ofMinutes(1);
    private Instant lastReminderCheck;
    private Instant lastJourneyCheck;
    /** Sent and failed messages of each campaign during this drain, counted over all sending threads. */
    private final Outcomes outcomes = new Outcomes();
    /** Campaigns that paused themselves during this drain: their claimed rows are put back, not sent. */
    private final Set<Long> pausedNow = ConcurrentHashMap.newKeySet();

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        transport = mailSetup.transport();
        pace = new SendingPace(settings.ratePerSecond(), settings.throttleMinRate(), settings.throttleRecoverAfter(),
                Duration.ofSeconds(settings.throttleQuietSeconds()), System::nanoTime);
        if (settings.enabled()) {
            if (settings.threads() > 1) {
                senders = Executors.newFixedThreadPool(settings.threads() - 1, threadFactory);
            }
            loop = PeriodicWorker.of("Dispatch round", scheduler, settings::intervalMillis, this::tick, LOG)
                    .waitingForSchema(migrator::pendingMigrations);
            loop.start();
            LOG.info(() -> "Dispatcher " + worker + " sends through " + mailSetup.describeTransport() + " with "
                    + settings.threads() + " thread(s)");
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        if (senders != null) {
            senders.shutdown();
        }
    }

    /** One round (its failure is logged by the loop, which goes on). */
    void tick() throws SQLException {
        startDueCampaigns();
        planDueReminders();
        triggerJourneys();
        drain();
        completeCampaigns();
    }

    private void startDueCampaigns() throws SQLException {
        List<Long> due = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement(
                        "SELECT id FROM campaign WHERE status = 'SCHEDULED' AND (scheduled_at IS NULL OR scheduled_at <= ?)")) {
            select.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getLong(1));
                }
            }
        }
        for (long campaign : due) {
            InvitationPlanner.Plan plan = starter.start(campaign);
            if (plan != null) {
                LOG.info(() -> "Campaign " + campaign + " started: " + plan.invited() + " invitations, "
                        + plan.excludedTotal() + " excluded " + plan.excluded());
            }
        }
    }

    /** Reminders become due by the day: looking once a minute is plenty. */
    private void planDueReminders() throws SQLException {
        Instant now = clock.instant();
        if (lastReminderCheck != null && lastReminderCheck.isAfter(now.minus(REMINDER_CHECK))) {
            return;
        }
        lastReminderCheck = now;
        for (long campaign : ids("SELECT id FROM campaign WHERE status IN ('SENDING', 'DONE', 'SCHEDULED') "
                + "AND reminders > 0 AND last_wave > 0")) {
            int planned = starter.remind(campaign);
            if (planned > 0) {
                LOG.info(() -> "Campaign " + campaign + ": " + planned + " reminders planned");
            }
        }
    }

    /** Journey moments are days apart: checking the events once a minute (nps.dispatch.journey-check-seconds) is plenty. */
    private void triggerJourneys() throws SQLException {
        Instant now = clock.instant();
        if (lastJourneyCheck != null && lastJourneyCheck.isAfter(now.minus(settings.journeyCheck()))) {
            return;
        }
        lastJourneyCheck = now;
        for (long campaign : ids("SELECT id FROM campaign WHERE status = 'SENDING' AND kind = 'JOURNEY'")) {
            InvitationPlanner.Plan plan = starter.trigger(campaign);
            if (plan != null && plan.invited() + plan.excludedTotal() > 0) {
                LOG.info(() -> "Journey campaign " + campaign + ": " + plan.invited() + " invitations, "
                        + plan.excludedTotal() + " excluded " + plan.excluded());
            }
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /**
     * Sends until the queue is empty, with {@code nps.dispatch.threads} sending threads: this one and,
     * once it has work and a connection, helpers from {@link #senders}. Each thread claims its own
     * batches (under the instance's worker name), has its own database and SMTP connection, and marks
     * each invitation SENT as soon as the server accepted it, so a crash of the instance resends at
     * most one message per thread.
     */
    private void drain() throws SQLException {
        pausedNow.clear();
        outcomes.clear();
        List<Future<?>> helpers = new ArrayList<>();
        try {
            int threads = senders == null ? 1 : settings.threads();
            drainAlone(0, threads, () -> {
                for (int i = 1; i < threads; i++) {
                    int slice = i;
                    helpers.add(senders.submit(() -> {
                        drainAlone(slice, threads, () -> { });
                        return null;
                    }));
                }
            });
        } finally {
            for (Future<?> helper : helpers) {
                try {
                    helper.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    helper.cancel(true);
                } catch (ExecutionException e) {
                    LOG.log(Level.WARNING, "A sending thread failed; its claimed invitations return when their lease ends",
                            e.getCause());
                }
            }
        }
    }

    /**
     * One sending thread's loop: claim a batch of its slice of the queue, send it, until nothing is
     * left. {@code connected} runs once, when there is work and the SMTP server answered (the first
     * thread starts the others then).
     */
    private void drainAlone(int slice, int slices, Runnable connected) throws SQLException {
        Map<Long, Survey> surveys = new HashMap<>();
        Map<Letter, SurveyMailRenderer.Prepared> letters = new HashMap<>();
        try (Connection db = dataSource.getConnection()) {
            boolean relaxed = commitWithoutFlush(db);
            DispatchQueue queue = new DispatchQueue(db);
            Duration lease = Duration.ofSeconds(settings.leaseSeconds());
            MailTransport.Connection mail = null;
            try {
                Instant claimedAt = clock.instant();
                for (List<DispatchQueue.Claimed> batch = claimNext(queue, lease, slice, slices); !batch.isEmpty();
                        claimedAt = clock.instant(), batch = claimNext(queue, lease, slice, slices)) {
                    // A batch sent slower than its lease (a loaded machine, a slow server) must not reach rows another
                    // instance may have claimed since: past four fifths of the lease, the rest goes back to the queue.
                    Instant leaseSafeUntil = claimedAt.plus(lease.minus(lease.dividedBy(5)));
                    if (mail == null) {
                        try {
                            mail = transport.open();
                        } catch (DeliveryException e) {
                            for (DispatchQueue.Claimed claimed : batch) {
                                temporaryFailure(queue, claimed, e.getMessage());
                            }
                            return;
                        }
                        connected.run();
                    }
                    for (DispatchQueue.Claimed claimed : batch) {
                        if (pausedNow.contains(claimed.campaignId())) {
                            queue.release(claimed.invitationId(), worker); // back in the queue for the resume
                            continue;
                        }
                        if (clock.instant().isAfter(leaseSafeUntil)) {
                            queue.release(claimed.invitationId(), worker); // claimed again, by whoever comes first
                            continue;
                        }
                        waitForTurn();
                        int[] counts = outcomes.record(claimed.campaignId(), send(queue, mail, claimed, surveys, letters));
                        pauseIfFailing(db, claimed.campaignId(), counts);
                    }
                }
            } finally {
                if (mail != null) {
                    mail.close();
                }
                if (relaxed) {
                    commitWithFlush(db);
                }
            }
        }
    }

    /** A batch of this thread's slice, or when the slice is empty, of whatever is left (the queue's tail). */
    private List<DispatchQueue.Claimed> claimNext(DispatchQueue queue, Duration lease, int slice, int slices)
            throws SQLException {
        List<DispatchQueue.Claimed> batch = queue.claim(worker, clock.instant(), lease, settings.batchSize(), slice, slices);
        return batch.isEmpty() && slices > 1 ? queue.claim(worker, clock.instant(), lease, settings.batchSize()) : batch;
    }

    /**
     * On PostgreSQL, unless {@code nps.dispatch.synchronous-commit} is set, the sending connection's
     * commits (claims and SENT marks) return once PostgreSQL has them, without waiting for its WAL to
     * reach the disk: one fsync per message otherwise caps a thread at a few hundred messages a second.
     * A crash of this instance loses no mark (PostgreSQL has them all); only a crash of the database
     * server itself may lose its last fraction of a second of marks, whose messages are then sent again.
     */
    private boolean commitWithoutFlush(Connection db) throws SQLException {
        if (settings.synchronousCommit() || SqlDialect.of(db) != SqlDialect.POSTGRESQL) {
            return false;
        }
        try (Statement set = db.createStatement()) {
            set.execute("SET synchronous_commit = off");
        }
        return true;
    }

    /** Back to the server's setting before the connection returns to the pool. */
    private static void commitWithFlush(Connection db) {
        try (Statement reset = db.createStatement()) {
            reset.execute("RESET synchronous_commit");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not reset synchronous_commit on a pooled connection", e);
        }
    }

    /** @return true when the server accepted the message */
    private boolean send(DispatchQueue queue, MailTransport.Connection mail, DispatchQueue.Claimed claimed,
            Map<Long, Survey> surveys, Map<Letter, SurveyMailRenderer.Prepared> letters) throws SQLException {
        try {
            Survey survey = surveys.computeIfAbsent(claimed.surveyId(), surveyLookup::find);
            InvitationMail invitation = InvitationMail.of(survey.letterIn(Language.valueOf(claimed.language())),
                    claimed.email(), claimed.firstName(), mailSetup.baseUrl(), claimed.tokenSecret());
            // Rendered once per survey, language and greeting in a drain; each message only gets its token and name.
            SurveyMailRenderer.Content content = letters.computeIfAbsent(new Letter(claimed.surveyId(), invitation.language(),
                    SurveyMailRenderer.hasFirstName(claimed.firstName())), k -> renderer.prepare(invitation)).render(invitation);
            if (claimed.reminder() > 0) {
                content = renderer.asReminder(content, invitation.language());
            }
            String from = survey.getSenderEmail() != null ? survey.getSenderEmail() : mailSetup.from();
            // The same reference, from the random token, in the Message-ID and the return path: globally unique, the
            // same if this message is sent again after a crash, and how a bounce or an ESP event finds it.
            MailReference reference = MailReference.ofTokenHash(InvitationToken.hashOf(claimed.tokenSecret()));
            MimeMessage message = InvitationMessages.build(transport.session(), content, invitation, from,
                    survey.getSenderName() != null ? survey.getSenderName() : survey.getBrandName(),
                    reference.messageId(MailSetup.domainOf(from)), mailSetup.unsubscribeAddress(),
                    mailSetup.bounceAddress().map(reference::returnPath).orElse(null));
            mail.send(message, claimed.invitationId());
            pace.accepted();
            // Marked at once: if this instance dies now, at most this message is sent twice.
            queue.markSent(claimed.invitationId(), worker, clock.instant());
            return true;
        } catch (DeliveryException e) {
            if (e.isPermanent()) {
                queue.fail(claimed.invitationId(), worker, e.getMessage());
                reportRefusal(claimed, e);
            } else {
                slowDownIfThrottled(e);
                temporaryFailure(queue, claimed, e.getMessage());
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Invitation " + claimed.invitationId() + " could not be built", e);
            queue.fail(claimed.invitationId(), worker, "Could not build the message: " + e.getMessage());
        }
        return false;
    }

    /**
     * A 5xx reply while sending, through the same policy as a bounce reported later: a refusal of the address
     * suppresses it; one for our reputation or content (5.7.1 "spam", 5.2.2 "mailbox full") counts as a soft bounce.
     */
    private void reportRefusal(DispatchQueue.Claimed claimed, DeliveryException e) {
        DeliveryEventKind kind = BounceClassifier.classify(null, e.replyCode(), e.getMessage())
                .orElse(DeliveryEventKind.HARD_BOUNCE);
        deliverability.report(new DeliverabilityService.Report(kind, DeliverySource.SMTP,
                DeliverabilityService.Trace.invitation(claimed.invitationId()), e.replyCode() > 0 ? String.valueOf(e.replyCode())
                        : null, e.getMessage(), e.getMessage(), null, clock.instant()));
    }

    /** A server asking us to slow down: the message is retried like any 4xx, and the whole instance slows down. */
    private void slowDownIfThrottled(DeliveryException e) {
        if (SendingPace.isThrottling(e.replyCode(), e.getMessage()) && pace.throttled()) {
            LOG.warning(() -> String.format(Locale.ROOT,
                    "Throttled by the mail server (%s): sending slowed to %.2f messages a second",
                    e.getMessage().replaceAll("[^\\s<>:]+@[^\\s<>]+", "recipient"), pace.currentRate())); // no address in logs
        }
    }

    /** Waits for this instance's next sending slot (none when the rate is unlimited). */
    private void waitForTurn() {
        long wait = pace.reserve();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * This instance's sending rate now (messages a second; 0 = unlimited), for Prometheus: below
     * {@code nps.dispatch.rate} after throttling replies, until it climbs back.
     */
    @Gauge(name = "nps_dispatch_rate", unit = "per_second", absolute = true,
            description = "This instance's sending rate now (messages a second, 0 = unlimited), lowered by throttling replies")
    public double currentRate() {
        SendingPace now = pace;
        return now == null ? settings.ratePerSecond() : now.currentRate();
    }

    private void temporaryFailure(DispatchQueue queue, DispatchQueue.Claimed claimed, String error) throws SQLException {
        var delay = settings.backoff().after(claimed.attempts());
        if (delay.isPresent()) {
            queue.retryLater(claimed.invitationId(), worker, error, clock.instant().plus(delay.get()));
        } else {
            queue.fail(claimed.invitationId(), worker, "Gave up after " + claimed.attempts() + " attempts: " + error);
        }
    }

    private void pauseIfFailing(Connection db, long campaignId, int[] counts) throws SQLException {
        int sent = counts[0];
        int failed = counts[1];
        if (failed >= PAUSE_AFTER_FAILURES && failed > sent) {
            // Stored as key and arguments: each reader sees it in their language.
            String reason = org.npsloop.domain.i18n.StoredMessages.encode(
                    org.npsloop.domain.i18n.Message.of("campaign.paused.failures", failed, sent + failed));
            // On the sending connection, so with its commit setting: the pause is one more mark of the drain.
            if (new CampaignStates(db).autoPause(campaignId, reason, clock.instant())) {
                LOG.warning(() -> "Campaign " + campaignId + " paused itself: " + failed + " failures");
            }
            pausedNow.add(campaignId); // every sending thread of this instance puts back what it holds of it
        }
    }

    /**
     * A one-off campaign is done when nothing is left to send; a recurring one waits for its next wave;
     * a journey campaign keeps listening until its survey closes.
     */
    private void completeCampaigns() throws SQLException {
        Instant now = clock.instant();
        try (Connection db = dataSource.getConnection()) {
            CampaignStates states = new CampaignStates(db);
            states.finish(now);
            states.waitForNextWave(now);
            states.close(now);
        }
    }

    /** What a prepared mail depends on, besides its recipient and token. */
    private record Letter(long surveyId, Language language, boolean firstName) {
    }

    /** Per campaign: {sent, failed}, shared by the sending threads of one drain. */
    static final class Outcomes {
        private final Map<Long, int[]> counts = new HashMap<>();

        /** @return a snapshot of the campaign's counts after this message */
        synchronized int[] record(long campaignId, boolean sent) {
            int[] c = counts.computeIfAbsent(campaignId, k -> new int[2]);
            c[sent ? 0 : 1]++;
            return c.clone();
        }

        synchronized void clear() {
            counts.clear();
        }
    }
}
