package org.npsloop.campaigns.internal.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.npsloop.campaigns.internal.dispatch.DispatchSettings;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.domain.schema.Database;

/**
 * Delivers the {@link NotificationMail}s other modules fire, once their transaction has committed, through
 * the configured transport (SMTP, or the development outbox). A failure is logged, never thrown back.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());

    @Inject
    private DispatchSettings settings;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Resource
    private ManagedExecutorService executor;

    /**
     * Handed to a managed thread: the SMTP exchange then holds up nobody, and the outbox transport gets
     * its connection outside the transaction that has just completed on this thread.
     */
    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationMail mail) {
        executor.execute(() -> deliver(mail));
    }

    void deliver(NotificationMail mail) {
        MailTransport transport = settings.usesSmtp() ? new SmtpTransport(settings.smtp()) : new OutboxTransport(dataSource, clock);
        try (MailTransport.Connection connection = transport.open()) {
            connection.send(message(transport, mail), MailTransport.NO_INVITATION);
        } catch (MailTransport.DeliveryException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification '" + mail.subject() + "' to " + mail.to() + " not sent: " + e.getMessage(), e);
        }
    }

    private MimeMessage message(MailTransport transport, NotificationMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(transport.session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<notification-" + UUID.randomUUID() + "@" + settings.mailDomain() + ">");
            }
        };
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }
}
