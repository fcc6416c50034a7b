package org.npsloop.campaigns.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.campaigns.mail.InvitationMessages;

/** A colleague's notification as it goes on the wire: multipart/alternative, UTF-8 subject, configured sender. */
class NotificationMessageTest {

    @Test
    void plainTextThenHtmlFromTheConfiguredSender() throws Exception {
        Session session = Session.getInstance(new Properties());
        NotificationMail mail = new NotificationMail("alice@exemple.fr", "Suivi pour vous : note 6, \u00e0 traiter",
                "<p>R\u00e9ponse &lt;b&gt;</p>", "R\u00e9ponse <b>");
        MimeMessage message = InvitationMessages.buildNotification(session, mail.subject(), mail.html(), mail.text(), mail.to(),
                "nps@acme.example", NotificationSender.FROM_NAME, "notification-1@acme.example");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));

        assertEquals("Suivi pour vous : note 6, \u00e0 traiter", parsed.getSubject());
        assertEquals(new InternetAddress("nps@acme.example", "NPS Loop"), parsed.getFrom()[0]);
        assertEquals("alice@exemple.fr", parsed.getAllRecipients()[0].toString());
        assertNull(parsed.getHeader("List-Unsubscribe"));
        Multipart alternatives = (Multipart) parsed.getContent();
        assertTrue(alternatives.getContentType().startsWith("multipart/alternative"));
        assertEquals("R\u00e9ponse <b>", ((String) alternatives.getBodyPart(0).getContent()).strip());
        assertEquals("<p>R\u00e9ponse &lt;b&gt;</p>", ((String) alternatives.getBodyPart(1).getContent()).strip());
    }
}
