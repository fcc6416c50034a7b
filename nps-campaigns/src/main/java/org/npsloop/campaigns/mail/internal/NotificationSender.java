package org.npsloop.campaigns.mail.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.MailSetup;
import org.npsloop.campaigns.mail.MailTransport;

/**
 * Sends the {@link NotificationMail}s other modules fire (follow-up assignments, digests), once their
 * transaction has committed (nothing is mailed for a rolled back change; fired outside a transaction,
 * at once). Sent on the container's executor, so the producer never waits for SMTP; through the
 * configured transport (SMTP, or the development outbox without an SMTP host), from {@code nps.mail.from}
 * as "NPS Loop". A failure is logged, never thrown back: the change that caused the mail stands.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());
    static final String FROM_NAME = "NPS Loop";

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private MailSetup mailSetup;

    void onNotification(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationMail mail) {
        try {
            executor.execute(() -> send(mail));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification to " + mail.to() + " not sent: " + e.getMessage(), e);
        }
    }

    /** Builds and sends one mail; never throws. */
    void send(NotificationMail mail) {
        try {
            MailTransport transport = mailSetup.transport();
            MimeMessage message = InvitationMessages.buildNotification(transport.session(), mail.subject(), mail.html(),
                    mail.text(), mail.to(), mailSetup.from(), FROM_NAME, "notification-" + UUID.randomUUID() + "@"
                            + mailSetup.mailDomain());
            try (MailTransport.Connection connection = transport.open()) {
                connection.send(message, MailTransport.NO_INVITATION);
            }
            LOG.fine(() -> "Notification \"" + mail.subject() + "\" sent to " + mail.to());
        } catch (MailTransport.DeliveryException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification \"" + mail.subject() + "\" to " + mail.to() + " not sent: " + e.getMessage(), e);
        }
    }
}
