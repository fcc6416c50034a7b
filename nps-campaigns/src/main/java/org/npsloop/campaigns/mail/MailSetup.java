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

    /** The domain of the notification and test mails' Message-IDs: the public host. */
    String mailDomain();

    /**
     * The bounce mailbox ({@code nps.mail.bounce-address}, e.g. {@code bounces@bounce.example.com}): when set, each
     * invitation's return path is {@code bounces+<reference>@bounce.example.com} (VERP), so a bounce finds its
     * invitation; empty (the default) leaves the return path to the From address.
     */
    java.util.Optional<String> bounceAddress();

    /**
     * The List-Unsubscribe mailto address ({@code nps.mail.unsubscribe-address}); by default the bounce mailbox's
     * {@code +unsubscribe} address when one is set (the poller reads it), else {@code unsubscribe@<public host>}.
     */
    String unsubscribeAddress();

    /** The domain part of an address (the sender's domain of a Message-ID), lower case; "localhost" when it has none. */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "localhost"
                : address.substring(at + 1).strip().replace(">", "").toLowerCase(java.util.Locale.ROOT);
    }
}
