package org.npsloop.campaigns.mail;

/**
 * How this instance sends mail, from configuration: through SMTP or into the development outbox, from
 * which address, and under which domain Message-IDs and respondent links are made. The one place the
 * other sub-domains (dispatch, test mails, notifications) get a transport from.
 */
public interface MailSetup {

    /** A new transport to the configured SMTP server, or to the development outbox when none is set. */
    MailTransport transport();

    /** "SMTP host:port" or "the development outbox", for logs and for the test-mail confirmation. */
    String describeTransport();

    /** The default sender address ({@code nps.mail.from}). */
    String from();

    /** Base URL of respondent links, always ending with "/". */
    String baseUrl();

    /** The domain of Message-IDs and of the unsubscribe mailbox: the public host. */
    String mailDomain();
}
