package org.npsloop.campaigns.deliverability.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the bounce mailbox is and how to read it ({@code nps.bounce.mailbox.*}); without a host there is none and no
 * poller runs (the one-command start needs nothing).
 *
 * @param protocol imap, imaps, pop3 or pop3s
 * @param processedFolder where handled mail goes (IMAP); quarantineFolder where mail for an ADMIN goes
 */
public record MailboxSettings(String host, int port, String protocol, String user, String password, String folder,
        String processedFolder, String quarantineFolder, long intervalMillis, Duration lease, int batch, Duration timeout) {

    public MailboxSettings {
        protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.strip().toLowerCase(Locale.ROOT);
        if (!protocol.matches("imaps?|pop3s?")) {
            throw new IllegalArgumentException("nps.bounce.mailbox.protocol must be imap, imaps, pop3 or pop3s, not " + protocol);
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** POP3 has one folder: mail stays on the server and the database remembers what was handled. */
    public boolean pop3() {
        return protocol.startsWith("pop3");
    }

    /** Names this mailbox in the lease and the log, without its password. */
    public String describe() {
        return protocol + "://" + user + "@" + host + (port > 0 ? ":" + port : "") + "/" + folder;
    }

    /** The lease row of this mailbox: one instance polls it at a time. */
    String leaseName() {
        String name = "mailbox:" + describe();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    Properties sessionProperties() {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.setProperty(prefix + "timeout", String.valueOf(timeout.toMillis()));
        if (protocol.endsWith("s")) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
