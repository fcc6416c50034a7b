package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances on one database, both dispatching, send one campaign: each recipient gets exactly one
 * message. Each instance sends to its own port of the same fake SMTP server, so the server can say how
 * many each one sent.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
class TwoInstancesIT {

    private static final int RECIPIENTS = 5_000;

    @Test
    void twoInstancesOnOneDatabaseSendEveryInvitationExactlyOnce() throws Exception {
        String run = Deployments.unique("twice");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            emails.add(run + "-" + i + "@exemple.fr");
        }
        try (FakeSmtpServer smtp = FakeSmtpServer.start(FakeSmtpServer.Policy.ACCEPT_ALL, 2);
                PayaraMicroProcess a = new PayaraMicroProcess("instance-a", Map.of("NPS_SMTP_PORT", String.valueOf(smtp.port(0))));
                PayaraMicroProcess b = new PayaraMicroProcess("instance-b", Map.of("NPS_SMTP_PORT", String.valueOf(smtp.port(1))))) {
            CompletableFuture<PayaraMicroProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.get();

            WebClient api = AudienceApi.marketer(a.base());
            String listId = CampaignApi.listOf(api, run, emails);
            long t0 = System.nanoTime();
            String campaign = CampaignApi.sendNow(api, run, CampaignApi.survey(api, run), listId);
            String view;
            try {
                view = CampaignApi.awaitStatus(AudienceApi.marketer(b.base()), campaign, "DONE", Duration.ofMinutes(2));
            } finally {
                CampaignApi.cancelUnlessDone(api, campaign);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals("DONE", CampaignApi.status(view), view);

            Map<String, Integer> received = smtp.deliveriesByRecipient();
            long once = emails.stream().filter(e -> received.getOrDefault(e, 0) == 1).count();
            long twice = emails.stream().filter(e -> received.getOrDefault(e, 0) > 1).count();
            long none = emails.stream().filter(e -> received.getOrDefault(e, 0) == 0).count();
            int byA = smtp.deliveredOnPort(smtp.port(0));
            int byB = smtp.deliveredOnPort(smtp.port(1));
            System.out.printf("[two-instances] %,d recipients in %.1f s: instance A sent %,d, instance B %,d; %d received twice, %d missing%n",
                    RECIPIENTS, seconds, byA, byB, twice, none);
            assertEquals(0, twice, "nobody gets two messages");
            assertEquals(RECIPIENTS, once, "everybody gets one");
            assertEquals(RECIPIENTS, byA + byB);
            assertTrue(byA > 0 && byB > 0, "both instances sent: " + byA + " and " + byB);
        }
    }
}
