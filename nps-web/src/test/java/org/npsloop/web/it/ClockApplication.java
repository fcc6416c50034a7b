package org.npsloop.web.it;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.npsloop.web.it.clock.AdjustableClock;
import org.npsloop.web.it.clock.TestClockResource;

/**
 * The built WAR plus a clock the tests set ({@link AdjustableClock}, {@code PUT /api/test-clock}), on one Payara Micro
 * for every class that needs it (TimedCampaignsIT, then InternalReportIT: one boot for both), started at first use and
 * stopped by {@link OwnProcessesSuiteIT} after them or, for a class run alone, when the test JVM exits. Those classes
 * run in that suite's fork, after its process tests ({@link OwnDeploymentLast}), so no other instance's workers claim
 * their work and the clock only moves forward. Like the other processes, it inherits failsafe's environment but mails
 * a GreenMail of its own ({@link #SMTP_PORT}: the shared application's tests use {@code it.smtp.port} in the other
 * fork meanwhile) and does not poll the bounce mailbox.
 */
final class ClockApplication {

    /** The SMTP port it sends to, where the tests' GreenMail listens: a free one of {@code it.fake-smtp.ports}. */
    static final int SMTP_PORT = freePort();

    private static PayaraMicroProcess application;

    private ClockApplication() {
    }

    /** Its address, ending with "/" ({@code http://localhost:<port>/}, also its configured base URL). */
    static synchronized URL base() {
        if (application == null || !application.isAlive()) {
            File war = new File("target", "test-clock/ROOT.war");
            war.getParentFile().mkdirs();
            Deployments.applicationWar().addClasses(AdjustableClock.class, TestClockResource.class)
                    .as(ZipExporter.class).exportTo(war, true);
            application = new PayaraMicroProcess("test-clock", Map.of("NPS_SMTP_PORT", String.valueOf(SMTP_PORT)))
                    .deploying(war).start();
            PayaraMicroProcess started = application;
            Runtime.getRuntime().addShutdownHook(new Thread(started::kill));
        }
        return application.localhostBase();
    }

    static synchronized void stop() {
        if (application != null) {
            application.kill();
            application = null;
        }
    }

    private static int freePort() {
        for (int port = FakeSmtpServer.FIRST_PORT; port <= FakeSmtpServer.LAST_PORT; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // someone else's: try the next one
            }
        }
        throw new IllegalStateException("No free SMTP port in " + FakeSmtpServer.FIRST_PORT + "-" + FakeSmtpServer.LAST_PORT);
    }
}
