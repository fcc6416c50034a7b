package org.npsloop.domain.notification;

/**
 * One mail to one colleague, fired as a CDI event ({@code Event<NotificationMail>}) by whoever has
 * something to tell. nps-campaigns observes it after the producer's transaction succeeded (nothing is
 * mailed for a change that was rolled back) and sends it through the configured transport (SMTP or
 * the development outbox) from {@code nps.mail.from}; a failed delivery is logged, never reported back.
 *
 * @param to      the recipient's address
 * @param subject plain text (encoded by the sender)
 * @param html    a complete HTML body, already escaped by its producer
 * @param text    the plain-text alternative
 */
public record NotificationMail(String to, String subject, String html, String text) {

    public NotificationMail {
        to = required(to, "to");
        subject = required(subject, "subject");
        html = required(html, "html");
        text = required(text, "text");
        if (to.indexOf('@') < 1 || to.chars().anyMatch(c -> c <= ' ' || c == ',' || c == ';')) {
            throw new IllegalArgumentException("to: not one email address: " + to);
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject: a single line, please");
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": required");
        }
        return name.equals("to") || name.equals("subject") ? value.strip() : value;
    }
}
