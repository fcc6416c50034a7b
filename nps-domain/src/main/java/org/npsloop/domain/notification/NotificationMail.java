package org.npsloop.domain.notification;

/**
 * A mail to one user (a digest, an assignment notice), fired as a CDI event by the module that writes it
 * and delivered by the one that owns the mail transport once the firing transaction has committed.
 *
 * @param html the HTML part, already escaped by its template
 * @param text the plain-text alternative
 */
public record NotificationMail(String to, String subject, String html, String text) {

    public NotificationMail {
        requireText("to", to);
        requireText("subject", subject);
        requireText("html", html);
        requireText("text", text);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A notification mail needs a " + name);
        }
    }
}
