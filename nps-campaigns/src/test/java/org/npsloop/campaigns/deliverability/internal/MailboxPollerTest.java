package org.npsloop.campaigns.deliverability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Outcome;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Result;
import org.npsloop.platform.MigratedDatabaseTest;

/**
 * The poller against a real IMAP and POP3 server (GreenMail) and a migrated database: each mail handled once, moved
 * (never deleted) to the processed or quarantine folder, quarantined mail recorded with its raw text; POP3 mail kept
 * on the server and not handled again; two pollers of one mailbox at once handle each mail once.
 */
class MailboxPollerTest extends MigratedDatabaseTest {

    /** Samples and what becomes of each (the fake deliverability service does not know bob@example.com). */
    static final Map<String, String> SAMPLES = new TreeMap<>(Map.of(
            "rfc3464-postfix-hard.eml", "PROCESSED",
            "mailto-unsubscribe.eml", "PROCESSED",
            "rfc3464-delivered.eml", "IGNORED",
            "autoreply-rfc3834.eml", "IGNORED",
            "qmail-hard.eml", "QUARANTINED",
            "unknown-person.eml", "QUARANTINED"));

    private GreenMail server;
    private final ConcurrentMap<String, AtomicInteger> reports = new ConcurrentHashMap<>();

    @BeforeEach
    void mailbox() {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()});
        server.start();
        server.setUser("bounces@bounce.example", "bounces", "secret");
    }

    @AfterEach
    void stopMailbox() {
        server.stop();
    }

    private void deliverSamples() throws Exception {
        GreenMailUser user = server.getUserManager().getUser("bounces");
        for (String sample : SAMPLES.keySet()) {
            user.deliver(ReturnedMailParserTest.sample(sample));
        }
    }

    /** A stand-in for DeliverabilityService#report: counts each report; matches example.org's people and Niko only. */
    private Outcome report(Report report) {
        reports.computeIfAbsent(report.externalId(), k -> new AtomicInteger()).incrementAndGet();
        String email = report.trace().email();
        boolean known = email != null && (email.endsWith("@example.org") || email.equals("niko@example.com"));
        return known ? new Outcome(Result.RECORDED, 1L, 2L, 3L, email, true) : Outcome.UNMATCHED;
    }

    private MailboxPoller poller(String protocol, String worker) {
        int port = protocol.equals("imap") ? server.getImap().getPort() : server.getPop3().getPort();
        MailboxSettings settings = new MailboxSettings("127.0.0.1", port, protocol, "bounces", "secret", "INBOX", "Processed",
                "Quarantine", 1000, Duration.ofMinutes(5), 200, Duration.ofSeconds(10));
        return new MailboxPoller(settings, new ReturnedMailParser("bounces+unsubscribe@bounce.example"), this::report,
                this::connect, Clock.systemUTC(), worker);
    }

    private Map<String, Integer> folders(String... names) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), "bounces", "secret");
        try {
            Map<String, Integer> counts = new TreeMap<>();
            for (String name : names) {
                Folder folder = store.getFolder(name);
                counts.put(name, folder.exists() ? folder.getMessageCount() : 0);
            }
            return counts;
        } finally {
            store.close();
        }
    }

    private Map<String, String> rows() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection db = connect(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT received_key, status, raw_text FROM inbound_mail")) {
            while (rs.next()) {
                String status = rs.getString(2);
                assertEquals(status.equals("QUARANTINED"), rs.getString(3) != null, "only quarantined mail keeps its text");
                rows.put(rs.getString(1), status);
            }
        }
        return rows;
    }

    private static Map<String, String> expectedRows() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            expected.put(ReturnedMailParserTest.sample(sample.getKey()).getMessageID(), sample.getValue());
        }
        return expected;
    }

    @Test
    void imapMailIsMovedToProcessedOrQuarantineOnceAndNeverDeleted() throws Exception {
        deliverSamples();
        MailboxPoller.Round round = poller("imap", "one").poll();
        assertEquals(new MailboxPoller.Round(true, 6, 2, 2, 2, 0), round);
        assertEquals(Map.of("INBOX", 0, "Processed", 4, "Quarantine", 2), folders("INBOX", "Processed", "Quarantine"));
        assertEquals(expectedRows(), rows());
        assertEquals(3, reports.size(), "the two bounces and the unsubscribe, reported once each: " + reports);
        assertTrue(reports.values().stream().allMatch(n -> n.get() == 1));

        assertEquals(new MailboxPoller.Round(true, 0, 0, 0, 0, 0), poller("imap", "one").poll());
        assertEquals(Map.of("INBOX", 0, "Processed", 4, "Quarantine", 2), folders("INBOX", "Processed", "Quarantine"));
        String raw;
        try (Connection db = connect(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT raw_text, sender, kind FROM inbound_mail WHERE received_key = '<question-0001@example.com>'")) {
            assertTrue(rs.next());
            raw = rs.getString(1);
            assertEquals(List.of("peggy@example.com", "UNKNOWN"), List.of(rs.getString(2), rs.getString(3)));
        }
        assertTrue(raw.contains("Subject: Question about your survey") && raw.contains("who are you"), raw);
    }

    @Test
    void aMailAlreadyRecordedIsMovedWithoutBeingReportedAgain() throws Exception {
        deliverSamples();
        try (Connection db = connect()) {
            db.setAutoCommit(true);
            assertTrue(new InboundMailStore(db).record("<question-0001@example.com>", ReturnedMail.Kind.UNKNOWN,
                    org.npsloop.campaigns.deliverability.InboundMailService.InboundStatus.QUARANTINED, null, null, null, null,
                    null, "raw", java.time.Instant.now()));
            assertFalse(new InboundMailStore(db).record("<question-0001@example.com>", ReturnedMail.Kind.UNKNOWN,
                    org.npsloop.campaigns.deliverability.InboundMailService.InboundStatus.QUARANTINED, null, null, null, null,
                    null, "raw", java.time.Instant.now()), "the received key is unique");
        }
        assertEquals(5, poller("imap", "one").poll().handled());
        assertEquals(Map.of("INBOX", 0, "Processed", 4, "Quarantine", 2), folders("INBOX", "Processed", "Quarantine"));
    }

    @Test
    void pop3MailStaysOnTheServerAndIsHandledOnce() throws Exception {
        deliverSamples();
        assertEquals(new MailboxPoller.Round(true, 6, 2, 2, 2, 0), poller("pop3", "one").poll());
        assertEquals(new MailboxPoller.Round(true, 0, 0, 0, 0, 6), poller("pop3", "two").poll());
        assertEquals(Map.of("INBOX", 6), folders("INBOX"), "POP3 deletes nothing");
        assertEquals(expectedRows(), rows());
        assertTrue(reports.values().stream().allMatch(n -> n.get() == 1), reports.toString());
    }

    @Test
    void aMailWhoseStructureTheServerCannotDescribeIsReadWhole() throws Exception {
        // The returned message says multipart but has no parts: GreenMail (like some servers) then fails BODYSTRUCTURE.
        String arf = new String(ReturnedMailParserTest.class.getResourceAsStream("/returned-mail/arf-abuse.eml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("--inner-alt--", "Body.");
        server.getUserManager().getUser("bounces").deliver(new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(arf.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        poller("imap", "one").poll();
        try (Connection db = connect(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT kind, recipient FROM inbound_mail")) {
            assertTrue(rs.next());
            assertEquals(List.of("COMPLAINT", "ivan@example.com"), List.of(rs.getString(1), rs.getString(2)));
        }
    }

    @Test
    void twoPollersOfOneMailboxAtOnceHandleEachMailOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int wave = 0; wave < 3; wave++) {
                deliverUnique(wave, 10);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MailboxPoller.Round>> rounds = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    MailboxPoller poller = poller("imap", "poller-" + i);
                    rounds.add(pool.submit(() -> {
                        start.await();
                        return poller.poll();
                    }));
                }
                start.countDown();
                int handled = 0;
                int leased = 0;
                for (Future<MailboxPoller.Round> round : rounds) {
                    MailboxPoller.Round r = round.get();
                    handled += r.handled();
                    leased += r.leased() ? 1 : 0;
                }
                // Whoever held the lease first handled the wave; any later holder found nothing left.
                assertTrue(leased >= 1);
                assertEquals(10, handled, "wave " + wave);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, reports.size());
        assertTrue(reports.values().stream().allMatch(n -> n.get() == 1), reports.toString());
        assertEquals(30, rows().size());
        assertEquals(Map.of("INBOX", 0, "Processed", 30, "Quarantine", 0), folders("INBOX", "Processed", "Quarantine"));
    }

    /** {@code count} hard bounces, each with a Message-ID of its own, about addresses the fake service knows. */
    private void deliverUnique(int wave, int count) throws Exception {
        GreenMailUser user = server.getUserManager().getUser("bounces");
        for (int i = 0; i < count; i++) {
            MimeMessage mail = ReturnedMailParserTest.sample("rfc3464-postfix-hard.eml");
            mail.setHeader("Message-Id", "<wave" + wave + "-" + i + "@mx.acme.example>");
            mail.saveChanges();
            mail.setHeader("Message-Id", "<wave" + wave + "-" + i + "@mx.acme.example>");
            user.deliver(mail);
        }
    }
}
