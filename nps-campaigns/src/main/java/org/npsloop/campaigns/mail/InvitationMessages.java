package org.npsloop.campaigns.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Builds the MIME message of an invitation: text and HTML alternatives, our own Message-ID, and the
 * one-click unsubscribe headers of RFC 8058 that Gmail and Yahoo require of bulk senders.
 *
 * <p>The body is written here, as bytes (multipart/alternative of two quoted-printable UTF-8 parts),
 * and handed to Angus Mail as it is: building it with MimeBodyPart and MimeMultipart cost a
 * ServiceLoader scan per part (Jakarta Mail 2.1) and a byte-by-byte scan of each text to choose its
 * encoding, more than half of a sending thread's time. The headers still go through Jakarta Mail;
 * the encoded sender and subject, the same for every message of a survey, are kept once computed.
 */
public final class InvitationMessages {

    private static final Map<String, String> ENCODED_HEADERS = new ConcurrentHashMap<>();
    private static final int MAX_ENCODED_HEADERS = 1000;

    private InvitationMessages() {
    }

    /**
     * @param messageId without angle brackets: {@code MailReference.messageId(sender's domain)}
     * @param unsubscribeMailbox address for mailto unsubscribes, e.g. "bounces+unsubscribe@bounce.example.com"
     * @param returnPath the envelope sender (VERP: {@code MailReference.returnPath}), or null for the From address
     */
    public static MimeMessage build(Session session, SurveyMailRenderer.Content content, InvitationMail mail,
            String fromAddress, String fromName, String messageId, String unsubscribeMailbox, String returnPath)
            throws MessagingException {
        PreparedMessage message = message(session, content.subject(), content, mail.recipient(), fromAddress, fromName, messageId);
        if (returnPath != null) {
            message.setEnvelopeFrom(returnPath); // MAIL FROM: where bounces go, not what the reader sees
        }
        String mailto = "mailto:" + unsubscribeMailbox + "?subject="
                + URLEncoder.encode("unsubscribe " + mail.token(), StandardCharsets.UTF_8).replace("+", "%20");
        message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">, <" + mailto + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
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
        return message;
    }

    public static final String TEST_PREFIX = "[TEST] ";

    /** A colleague's notification (see NotificationSender): the same multipart/alternative shape, no list headers. */
    public static MimeMessage buildNotification(Session session, String subject, String html, String text, String recipient,
            String fromAddress, String fromName, String messageId) throws MessagingException {
        return message(session, subject, new SurveyMailRenderer.Content(subject, html, text), recipient, fromAddress, fromName,
                messageId);
    }

    private static PreparedMessage message(Session session, String subject, SurveyMailRenderer.Content content, String recipient,
            String fromAddress, String fromName, String messageId) throws MessagingException {
        PreparedMessage message = new PreparedMessage(session, "<" + messageId + ">");
        message.setSentDate(new Date());
        message.setHeader("From", encoded("From\n" + fromAddress + "\n" + fromName, () ->
                MimeUtility.fold(6, new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name()).toString())));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        message.setHeader("Message-ID", "<" + messageId + ">");
        message.setHeader("Subject", encoded("Subject\n" + subject, () ->
                MimeUtility.fold(9, MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null))));
        message.setHeader("MIME-Version", "1.0");
        // "=_" never occurs in quoted-printable text, so this boundary cannot appear in the parts.
        String boundary = "=_nps_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        message.setHeader("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.html().length() + content.text().length() + 2048);
        SurveyMailRenderer.Encoded encoded = content.encoded();
        // Least preferred first, as RFC 2046 orders alternatives. A prepared letter's parts are mostly encoded already.
        part(body, boundary, "text/plain", encoded == null ? null : encoded::text, content.text());
        part(body, boundary, "text/html", encoded == null ? null : encoded::html, content.html());
        ascii(body, "--" + boundary + "--\r\n");
        message.body(body.toByteArray());
        return message;
    }

    /** One alternative: its header, then its lines already encoded for this recipient, or {@code text} encoded now. */
    private static void part(ByteArrayOutputStream body, String boundary, String type,
            Consumer<ByteArrayOutputStream> encoded, String text) {
        ascii(body, "--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        if (encoded != null) {
            encoded.accept(body);
        } else {
            QuotedPrintable.encode(text, body);
        }
        ascii(body, "\r\n");
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private interface HeaderValue {
        String compute() throws UnsupportedEncodingException;
    }

    private static String encoded(String key, HeaderValue value) throws MessagingException {
        String known = ENCODED_HEADERS.get(key);
        if (known != null) {
            return known;
        }
        try {
            String computed = value.compute();
            if (ENCODED_HEADERS.size() >= MAX_ENCODED_HEADERS) {
                ENCODED_HEADERS.clear(); // many surveys' texts: start again rather than grow
            }
            ENCODED_HEADERS.put(key, computed);
            return computed;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A message whose body is already encoded: Angus Mail writes it as it is. It keeps the
     * Message-ID we chose (so a resend is recognisable) should anything save it again.
     */
    private static final class PreparedMessage extends org.eclipse.angus.mail.smtp.SMTPMessage {
        private final String id;

        PreparedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        void body(byte[] bytes) {
            content = bytes;
            modified = false; // written from content, not re-encoded from a data handler
            saved = true;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
