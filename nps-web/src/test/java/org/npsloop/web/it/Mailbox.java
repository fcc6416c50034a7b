package org.npsloop.web.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * GreenMail on the port the PostgreSQL execution points the app at (it.smtp.port), kept for a whole
 * test class, and readers of what it received.
 */
final class Mailbox {

    private Mailbox() {
    }

    static GreenMailExtension greenMail() {
        return greenMail(Integer.getInteger("it.smtp.port", 3025));
    }

    /** GreenMail on another port, for an application of its own told so ({@link ClockApplication}). */
    static GreenMailExtension greenMail(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication()).withPerMethodLifecycle(false);
    }

    /** The messages to addresses that start with {@code prefix}: the database keeps earlier runs' contacts. */
    static List<MimeMessage> to(GreenMailExtension smtp, String prefix) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).startsWith(prefix)).toList();
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
