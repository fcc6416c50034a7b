package org.npsloop.campaigns.deliverability.internal;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Outcome;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Result;
import org.npsloop.campaigns.deliverability.InboundMailService.InboundStatus;

/**
 * One round of the bounce mailbox: under the mailbox's lease (one instance at a time), each mail not yet handled is
 * read, reported to the deliverability service, recorded once by its received key, and moved: handled mail to the
 * processed folder, what cannot be understood or matches no invitation to the quarantine folder. Moving is a copy
 * then, only once the copy succeeded, the source flagged deleted and expunged: mail is never deleted. With POP3 (one
 * folder) mail stays on the server and its recorded key says it was handled.
 */
final class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class.getName());

    /** The door every report goes through (DeliverabilityService#report). */
    @FunctionalInterface
    interface Reporter {
        Outcome report(Report report);
    }

    /** Opens an auto-committing connection to the database. */
    @FunctionalInterface
    interface Database {
        Connection connect() throws SQLException;
    }

    /** What a round did. */
    record Round(boolean leased, int handled, int reported, int ignored, int quarantined, int skipped) {
    }

    private final MailboxSettings settings;
    private final ReturnedMailParser parser;
    private final Reporter reporter;
    private final Database database;
    private final Clock clock;
    private final String worker;

    MailboxPoller(MailboxSettings settings, ReturnedMailParser parser, Reporter reporter, Database database, Clock clock,
            String worker) {
        this.settings = settings;
        this.parser = parser;
        this.reporter = reporter;
        this.database = database;
        this.clock = clock;
        this.worker = worker;
    }

    Round poll() throws SQLException, MessagingException {
        try (Connection db = database.connect()) {
            db.setAutoCommit(true);
            InboundMailStore store = new InboundMailStore(db);
            if (!store.claim(settings.leaseName(), worker, clock.instant(), settings.lease())) {
                return new Round(false, 0, 0, 0, 0, 0);
            }
            try {
                return read(store);
            } finally {
                store.release(settings.leaseName(), worker);
            }
        }
    }

    private Round read(InboundMailStore store) throws SQLException, MessagingException {
        Session session = Session.getInstance(settings.sessionProperties());
        Store mailbox = session.getStore(settings.protocol());
        mailbox.connect(settings.host(), settings.port() > 0 ? settings.port() : -1, settings.user(), settings.password());
        int handled = 0;
        int reported = 0;
        int ignored = 0;
        int quarantined = 0;
        int skipped = 0;
        try {
            Folder inbox = mailbox.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            List<Message> toProcessed = new ArrayList<>();
            List<Message> toQuarantine = new ArrayList<>();
            try {
                Message[] messages = inbox.getMessages();
                // Envelopes (Message-ID, subject, sender) in one command rather than one per mail.
                FetchProfile envelopes = new FetchProfile();
                envelopes.add(FetchProfile.Item.ENVELOPE);
                envelopes.add(FetchProfile.Item.FLAGS);
                inbox.fetch(messages, envelopes);
                for (Message message : messages) {
                    if (handled >= settings.batch()) {
                        break;
                    }
                    if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    MimeMessage mail = (MimeMessage) message;
                    String key = receivedKey(mail);
                    InboundStatus status = store.statusOf(key).orElse(null);
                    if (status == null) {
                        // Renewed for each mail: a long round keeps its lease, a lost one ends the round.
                        if (!store.claim(settings.leaseName(), worker, clock.instant(), settings.lease())) {
                            break;
                        }
                        status = handle(store, mail, key);
                        handled++;
                        switch (status) {
                            case PROCESSED -> reported++;
                            case IGNORED -> ignored++;
                            default -> quarantined++;
                        }
                    } else if (settings.pop3()) {
                        skipped++;
                        continue;
                    }
                    boolean forReview = status == InboundStatus.QUARANTINED || status == InboundStatus.RESOLVED
                            || status == InboundStatus.DISMISSED;
                    (forReview ? toQuarantine : toProcessed).add(message);
                }
                if (!settings.pop3()) {
                    move(mailbox, inbox, toProcessed, settings.processedFolder());
                    move(mailbox, inbox, toQuarantine, settings.quarantineFolder());
                }
            } finally {
                // Expunges only what move() flagged, after its copy succeeded; POP3 mail stays on the server.
                inbox.close(!settings.pop3() && !(toProcessed.isEmpty() && toQuarantine.isEmpty()));
            }
        } finally {
            mailbox.close();
        }
        return new Round(true, handled, reported, ignored, quarantined, skipped);
    }

    private InboundStatus handle(InboundMailStore store, MimeMessage mail, String key) throws SQLException, MessagingException {
        ReturnedMail read;
        try {
            try {
                read = parser.parse(mail);
            } catch (MessagingException e) {
                // An IMAP server may fail to describe a malformed mail's structure (BODYSTRUCTURE): read it whole
                // and parse it here, as Angus Mail advises.
                read = parser.parse(new MimeMessage(mail));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Unreadable mail " + key, e);
            read = ReturnedMail.unknown(new org.npsloop.campaigns.deliverability.DeliverabilityService.Trace(null, null, null, null,
                    null), "Unreadable: " + e);
        }
        InboundStatus status;
        if (read.kind().ignored()) {
            status = InboundStatus.IGNORED;
        } else if (read.kind().event() == null) {
            status = InboundStatus.QUARANTINED;
        } else {
            Outcome outcome = reporter.report(new Report(read.kind().event(), read.source(), read.trace(), read.statusCode(),
                    read.detail(), read.evidence(), key, occurredAt(mail)));
            status = outcome.result() == Result.UNMATCHED ? InboundStatus.QUARANTINED : InboundStatus.PROCESSED;
        }
        String raw = status == InboundStatus.QUARANTINED ? raw(mail) : null;
        if (!store.record(key, read.kind(), status, subject(mail), sender(mail), read.trace().email(), read.statusCode(),
                read.detail(), raw, clock.instant())) {
            // Another poller recorded it first (a lease that ran out mid-round): its status wins.
            return store.statusOf(key).orElse(status);
        }
        // No detail in the log: it quotes the person's address.
        ReturnedMail done = read;
        LOG.info(() -> "Bounce mailbox: " + key + " read as " + done.kind() + (done.statusCode() == null ? "" : " " + done.statusCode())
                + " → " + (status == InboundStatus.QUARANTINED ? "quarantine" : status.name().toLowerCase(java.util.Locale.ROOT)));
        return status;
    }

    /** When the mail system says it happened: the mail's date, never in the future. */
    private Instant occurredAt(MimeMessage mail) {
        Instant now = clock.instant();
        try {
            Date sent = mail.getSentDate();
            return sent == null || sent.toInstant().isAfter(now) ? null : sent.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The mail's Message-ID, or a hash of its headers when it has none: a mail keeps it across rounds and instances. */
    static String receivedKey(MimeMessage mail) throws MessagingException {
        String messageId = mail.getMessageID();
        if (messageId != null && !messageId.isBlank()) {
            return ReturnedMail.cut(messageId.strip(), 300);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Enumeration<String> lines = mail.getAllHeaderLines();
            while (lines.hasMoreElements()) {
                digest.update(lines.nextElement().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A copy, then (only once it succeeded) the sources flagged deleted: a move that never loses mail. */
    private static void move(Store mailbox, Folder inbox, List<Message> messages, String name) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Folder target = mailbox.getFolder(name);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Cannot create the folder " + name);
        }
        Message[] batch = messages.toArray(Message[]::new);
        inbox.copyMessages(batch, target);
        inbox.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String sender(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The mail as received, at most {@link InboundMailStore#RAW_MAX} bytes (a 10 MB attachment is not read to the end). */
    static String raw(MimeMessage mail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mail.writeTo(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    int room = InboundMailStore.RAW_MAX - out.size();
                    out.write(b, off, Math.min(room, len));
                    if (len >= room) {
                        throw new Full();
                    }
                }
            });
        } catch (Full enough) {
            // cut here
        } catch (IOException | MessagingException e) {
            out.writeBytes(("\n[unreadable after this point: " + e + "]").getBytes(StandardCharsets.UTF_8));
        }
        return ReturnedMail.cut(out.toString(StandardCharsets.UTF_8).replace("\u0000", ""), InboundMailStore.RAW_MAX);
    }

    private static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null);
        }
    }
}
