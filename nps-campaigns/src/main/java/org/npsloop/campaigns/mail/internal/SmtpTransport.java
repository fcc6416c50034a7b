package org.npsloop.campaigns.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.npsloop.campaigns.mail.MailTransport;

/**
 * Sends through an SMTP server with Angus Mail, one connection per batch. SMTP replies decide what
 * happens next: 4xx is temporary (retry with back-off), 5xx permanent (the address bounced). With DKIM
 * configured, each message is signed here, once complete.
 */
public final class SmtpTransport implements MailTransport {

    /** Connection settings, from configuration. */
    public record Settings(String host, int port, boolean startTls, boolean ssl, String user, String password,
            int timeoutMillis) {
    }

    private final Session session;
    private final Settings settings;
    /** Signs each message just before it goes out; null without DKIM. */
    private final DkimSigner dkim;

    public SmtpTransport(Settings settings) {
        this(settings, null);
    }

    public SmtpTransport(Settings settings, DkimSigner dkim) {
        this.settings = settings;
        this.dkim = dkim;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        // Implicit TLS from the first byte (port 465), for servers that offer no STARTTLS.
        props.put("mail.smtp.ssl.enable", String.valueOf(settings.ssl()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.auth", String.valueOf(settings.user() != null && !settings.user().isBlank()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeoutMillis()));
        props.put("mail.smtp.timeout", String.valueOf(settings.timeoutMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(settings.timeoutMillis()));
        // Messages go out one after the other on one connection: see NoDelaySocketFactory.
        props.put("mail.smtp.socketFactory", NoDelaySocketFactory.INSTANCE);
        // One bad recipient must fail that message, not the rest of the batch.
        props.put("mail.smtp.sendpartial", "false");
        this.session = Session.getInstance(props);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection open() throws DeliveryException {
        try {
            Transport transport = session.getTransport("smtp");
            connect(transport);
            return new SmtpConnection(transport);
        } catch (MessagingException e) {
            throw cannotConnect(e);
        }
    }

    private void connect(Transport transport) throws MessagingException {
        if (settings.user() != null && !settings.user().isBlank()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        } else {
            transport.connect();
        }
    }

    private DeliveryException cannotConnect(MessagingException e) {
        return new DeliveryException("Cannot connect to " + settings.host() + ":" + settings.port() + ": " + e.getMessage(),
                false, e);
    }

    private final class SmtpConnection implements Connection {
        private final Transport transport;
        /** After a 421 (the server closes the connection) or a failure without a reply: connect again first. */
        private boolean lost;

        SmtpConnection(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void send(MimeMessage message, long invitationId) throws DeliveryException {
            if (lost) {
                close();
                try {
                    connect(transport);
                } catch (MessagingException e) {
                    throw cannotConnect(e);
                }
                lost = false;
            }
            try {
                if (dkim != null) {
                    dkim.sign(message);
                }
                Address[] recipients = message.getAllRecipients();
                transport.sendMessage(message, recipients);
            } catch (MessagingException e) {
                int code = replyCode(e);
                lost = code == 421 || code == 0 || !transport.isConnected();
                throw new DeliveryException(describe(code, e), code >= 500 && code < 600, code, e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages already accepted are sent; a failing QUIT changes nothing
            }
        }
    }

    /** The SMTP reply code of a refusal, from Angus Mail's exceptions (or the ones they chain); 0 when unknown. */
    static int replyCode(MessagingException e) {
        for (Exception t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
            if (t instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException failed && failed.getReturnCode() > 0) {
                return failed.getReturnCode();
            }
        }
        return 0;
    }

    /** With the server's own words (Angus Mail's top message is only "Invalid Addresses"): what throttling is told by. */
    private static String describe(int code, MessagingException e) {
        String reply = e.getMessage();
        for (Exception t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
            if ((t instanceof SMTPSendFailedException || t instanceof SMTPAddressFailedException) && t.getMessage() != null) {
                reply = t == e ? t.getMessage().strip() : e.getMessage() + ": " + t.getMessage().strip();
            }
        }
        return (code > 0 ? "SMTP " + code + ": " : "") + reply;
    }
}
