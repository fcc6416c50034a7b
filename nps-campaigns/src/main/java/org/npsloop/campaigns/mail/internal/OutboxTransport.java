package org.npsloop.campaigns.mail.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Properties;
import javax.sql.DataSource;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.campaigns.mail.MailTransport;

/**
 * The development outbox: with no SMTP server configured, messages are stored in the database and
 * shown in the admin, where their links can be clicked. Nothing leaves the machine.
 */
public final class OutboxTransport implements MailTransport {

    private final DataSource dataSource;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public OutboxTransport(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(MimeMessage message, long invitationId) throws DeliveryException {
                try (java.sql.Connection db = dataSource.getConnection()) {
                    long id = SqlDialect.of(db).allocateIds(db, "outbox_message_seq", 1).pop();
                    try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_message (id, invitation_id, "
                            + "recipient, subject, html_body, text_body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        insert.setLong(1, id);
                        if (invitationId == NO_INVITATION) {
                            insert.setNull(2, java.sql.Types.BIGINT);
                        } else {
                            insert.setLong(2, invitationId);
                        }
                        insert.setString(3, message.getAllRecipients()[0].toString());
                        insert.setString(4, message.getSubject());
                        insert.setString(5, part(message, "text/html"));
                        insert.setString(6, part(message, "text/plain"));
                        insert.setObject(7, clock.instant().atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                } catch (SQLException | MessagingException | IOException e) {
                    throw new DeliveryException("Outbox: " + e.getMessage(), false, e);
                }
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private static String part(MimeMessage message, String type) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart alternatives) {
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart part = alternatives.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            return null;
        }
        return message.isMimeType(type) ? (String) content : null;
    }
}
