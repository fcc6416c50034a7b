package org.npsloop.campaigns.internal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the MIME message of an invitation: text and HTML alternatives, our own Message-ID, and the
 * one-click unsubscribe headers of RFC 8058 that Gmail and Yahoo require of bulk senders.
 */
public final class InvitationMessages {

    private InvitationMessages() {
    }

    /**
     * @param messageId without angle brackets, e.g. "invitation-42@nps.example.com"
     * @param unsubscribeMailbox address for mailto unsubscribes, e.g. "unsubscribe@nps.example.com"
     */
    public static MimeMessage build(Session session, SurveyMailRenderer.Content content, InvitationMail mail,
            String fromAddress, String fromName, String messageId, String unsubscribeMailbox) throws MessagingException {
        MimeMessage message = message(session, content.subject(), content, mail.recipient(), fromAddress, fromName, messageId);
        String mailto = "mailto:" + unsubscribeMailbox + "?subject="
                + URLEncoder.encode("unsubscribe " + mail.token(), StandardCharsets.UTF_8).replace("+", "%20");
        message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">, <" + mailto + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.saveChanges();
        return message;
    }

    /**
     * A test message: the subject starts with {@value #TEST_PREFIX}, and there are no unsubscribe
     * headers, since its recipient is the sender's colleague and its links carry no token.
     */
    public static MimeMessage buildTest(Session session, SurveyMailRenderer.Content content, String recipient,
            String fromAddress, String fromName, String messageId) throws MessagingException {
        MimeMessage message = message(session, TEST_PREFIX + content.subject(), content, recipient, fromAddress, fromName,
                messageId);
        message.setHeader("X-NPS-Loop-Test", "true");
        message.saveChanges();
        return message;
    }

    public static final String TEST_PREFIX = "[TEST] ";

    private static MimeMessage message(Session session, String subject, SurveyMailRenderer.Content content, String recipient,
            String fromAddress, String fromName, String messageId) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, "<" + messageId + ">");
        try {
            message.setFrom(new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text); // least preferred first, as RFC 2046 orders alternatives
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    /** Keeps the Message-ID we chose (so a resend is recognisable) instead of a random one at save time. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
