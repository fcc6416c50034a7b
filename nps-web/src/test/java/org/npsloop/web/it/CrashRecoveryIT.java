package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An instance is killed (SIGKILL) in the middle of a 5,000-invitation campaign and started again on
 * the same database: the invitations it had claimed come back when their lease ends, and every
 * recipient gets the survey, at most one of them twice (the message the server had accepted when the
 * instance died, before it could mark it sent: one per sending thread).
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
class CrashRecoveryIT {

    private static final int RECIPIENTS = 5_000;
    /**
     * The kill lands once sending is well under way (every sending thread busy at the throttled rate), not at a share
     * of the campaign: the size only has to leave most of it to the restarted instance.
     */
    private static final int KILL_AFTER = 1_000;
    /** Sending threads of the instance: each may have one message in flight when it is killed. */
    private static final int SENDING_THREADS = 4;
    /** Written on each claimed row by the instance that dies: how long its rows stay out of the queue. */
    private static final int LEASE_SECONDS = 5;
    /** Messages a second before the crash: slow enough for the kill to land mid-send, whatever the machine. */
    private static final int RATE_BEFORE_CRASH = 500;

    @Test
    void aKilledInstanceLosesNoInvitationAndResendsAtMostOnePerSendingThread() throws InterruptedException {
        String run = Deployments.unique("crash");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            emails.add(run + "-" + i + "@exemple.fr");
        }
        try (FakeSmtpServer smtp = FakeSmtpServer.start(FakeSmtpServer.Policy.ACCEPT_ALL);
                PayaraMicroProcess app = new PayaraMicroProcess("crash", Map.of("NPS_SMTP_PORT", String.valueOf(smtp.port()),
                        "NPS_DISPATCH_LEASE_SECONDS", String.valueOf(LEASE_SECONDS),
                        "NPS_DISPATCH_THREADS", String.valueOf(SENDING_THREADS),
                        "NPS_DISPATCH_RATE", String.valueOf(RATE_BEFORE_CRASH))).start()) {
            WebClient api = AudienceApi.marketer(app.base());
            long t0 = System.nanoTime();
            String listId = CampaignApi.listOf(api, run, emails);
            double contactsSeconds = seconds(t0);
            long t1 = System.nanoTime();
            String campaign = CampaignApi.sendNow(api, run, CampaignApi.survey(api, run), listId);
            try {
                sendKillRestartAndCheck(smtp, app, emails, campaign, contactsSeconds, t1);
            } finally {
                if (app.isAlive()) {
                    CampaignApi.cancelUnlessDone(AudienceApi.marketer(app.base()), campaign);
                }
            }
        }
    }

    private static void sendKillRestartAndCheck(FakeSmtpServer smtp, PayaraMicroProcess app, List<String> emails, String campaign,
            double contactsSeconds, long t1) throws InterruptedException {
        while (smtp.delivered() < KILL_AFTER && seconds(t1) < 120) {
            Thread.sleep(10);
        }
        assertTrue(smtp.delivered() >= KILL_AFTER, "sending did not start: " + smtp.delivered());
        app.kill();
        double killedAt = seconds(t1);
        int receivedAtKill = smtp.delivered();
        assertTrue(receivedAtKill < RECIPIENTS, "the kill came too late: " + receivedAtKill);

        long t2 = System.nanoTime();
        app.restart(Map.of("NPS_DISPATCH_RATE", "0"));
        double restartSeconds = seconds(t2);
        WebClient again = AudienceApi.marketer(app.base());
        String view = CampaignApi.awaitStatus(again, campaign, "DONE", Duration.ofMinutes(3));
        double totalSeconds = seconds(t1);
        assertEquals("DONE", CampaignApi.status(view), view);
        String progress = CampaignApi.progress(again, campaign);
        assertEquals(RECIPIENTS, CampaignApi.number(progress, "sent"), progress);

        Map<String, Integer> received = smtp.deliveriesByRecipient();
        int missing = 0;
        int duplicates = 0;
        for (String email : emails) {
            int n = received.getOrDefault(email, 0);
            missing += n == 0 ? 1 : 0;
            duplicates += Math.max(0, n - 1);
        }
        System.out.printf("[crash] %,d contacts created in %.1f s; killed (SIGKILL) %.1f s after scheduling with %,d received "
                + "(rate %d/s); restarted in %.1f s with lease %d s; DONE %.1f s after scheduling; %,d messages for %,d recipients: "
                + "%d missing, %d duplicate(s), %d Message-ID(s) received twice%n", RECIPIENTS, contactsSeconds, killedAt,
                receivedAtKill, RATE_BEFORE_CRASH, restartSeconds, LEASE_SECONDS, totalSeconds, smtp.delivered(), RECIPIENTS,
                missing, duplicates, smtp.repeatedMessageIds());
        assertEquals(0, missing, "every recipient got the survey");
        assertTrue(duplicates <= SENDING_THREADS, duplicates + " duplicates");
        assertEquals(duplicates, smtp.repeatedMessageIds(), "a duplicate is the same invitation sent again");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
