package org.npsloop.campaigns.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where invitations go: an SMTP server, or the development outbox when none is configured. */
public interface MailTransport {

    /** The invitation id of a test message, which belongs to no invitation. */
    long NO_INVITATION = 0;

    /** The session messages are built with. */
    Session session();

    /** One connection, reused for a batch of messages. */
    Connection open() throws DeliveryException;

    interface Connection extends AutoCloseable {

        /**
         * Returns once the server has accepted the message.
         *
         * @param invitationId the invitation sent, or {@link MailTransport#NO_INVITATION} for a test message
         */
        void send(MimeMessage message, long invitationId) throws DeliveryException;

        @Override
        void close();
    }

    /** A refused delivery: temporary (retry later) or permanent (the address bounced). */
    final class DeliveryException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;
        private final int replyCode;

        public DeliveryException(String message, boolean permanent, Throwable cause) {
            this(message, permanent, 0, cause);
        }

        /** @param replyCode the SMTP reply code, 0 when unknown (no connection, a local error) */
        public DeliveryException(String message, boolean permanent, int replyCode, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
            this.replyCode = replyCode;
        }

        public boolean isPermanent() {
            return permanent;
        }

        public int replyCode() {
            return replyCode;
        }
    }
}
