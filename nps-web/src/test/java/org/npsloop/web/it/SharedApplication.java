package org.npsloop.web.it;

import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * The built WAR on one Payara Micro for all the container tests that need nothing else (started at first use,
 * stopped by {@link SharedApplicationSuiteIT} after the last of them or, for a class run alone, when the test JVM
 * exits): a boot costs 13-17 s and these tests need nothing that differs from one class to the next. Like the
 * Arquillian deployments, it inherits failsafe's environment (PostgreSQL, GreenMail's port, short intervals).
 */
final class SharedApplication {

    /**
     * It serves the whole suite (10 minutes and more), so C2 pays for itself, above all on sign-ins: a password's PBKDF2
     * hash (210,000 rounds of HMAC-SHA512, once per sign-in and per password set) costs ~0.75 s of CPU compiled by C1
     * alone and ~0.2 s by C2 (measured on this 2-core machine), and the suite signs in several hundred times.
     */
    private static final List<String> LONG_LIVED = List.of("-Xmx768m", "-XX:+UseSerialGC");

    private static PayaraMicroProcess application;

    private SharedApplication() {
    }

    /** Its address as a user types it ({@code http://localhost:<port>/}), which is also its configured base URL. */
    static synchronized URL base() {
        if (application == null || !application.isAlive()) {
            // One per fork (two suites have one each), named after the fork's database: its own log, which is also
            // where its port is read from.
            application = new PayaraMicroProcess("shared-" + ForkDatabase.name(System.getProperty("it.db.fork-url", "npsloop")),
                    Map.of("NPS_BOUNCE_MAILBOX_HOST", System.getenv().getOrDefault("NPS_BOUNCE_MAILBOX_HOST", "")), LONG_LIVED).start();
            PayaraMicroProcess started = application;
            Runtime.getRuntime().addShutdownHook(new Thread(started::kill));
        }
        return application.localhostBase();
    }

    /** So that the container tests that follow have the database's workers to themselves. */
    static synchronized void stop() {
        if (application != null) {
            application.kill();
            application = null;
        }
    }
}
