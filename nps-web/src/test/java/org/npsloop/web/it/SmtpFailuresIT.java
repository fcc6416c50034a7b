package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the dispatcher does with SMTP refusals, against {@link FakeSmtpServer}: a 4xx is retried after
 * the configured delay and then delivered, a 5xx fails the invitation and suppresses the address as
 * bounced, and a campaign whose messages mostly bounce pauses itself. The app runs in a Payara Micro
 * process of its own (the Arquillian one is tied to GreenMail's port), with 2-second retry delays.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class SmtpFailuresIT {

    private static final String RUN = Deployments.unique("smtpfail");
    private static final long RETRY_DELAY_SECONDS = 2;
    private static final int BATCH = 20;

    private static FakeSmtpServer smtp;
    private static PayaraMicroProcess app;
    private static WebClient api;

    @BeforeAll
    static void start() {
        // Greylisting: the first RCPT of a "greylisted" address is refused for now; "bounce" addresses never exist.
        smtp = FakeSmtpServer.start((recipient, attempt) -> !recipient.startsWith(RUN) ? 250
                : recipient.contains("-greylisted") && attempt == 1 ? 451
                : recipient.contains("-bounc") ? 550 : 250);
        app = new PayaraMicroProcess("smtp-failures", Map.of("NPS_SMTP_PORT", String.valueOf(smtp.port()),
                "NPS_DISPATCH_RETRY_DELAYS", RETRY_DELAY_SECONDS + "," + RETRY_DELAY_SECONDS,
                "NPS_DISPATCH_BATCH", String.valueOf(BATCH),
                // The deliverability pause (bounce rate) judged from 500 messages as by default, not the 10 the shared
                // application's environment sets: this test shows the dispatcher's own pause on failures.
                "NPS_DELIVERABILITY_PAUSE_MINIMUM_SENT", "500")).start();
        api = AudienceApi.marketer(app.base());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aTemporaryRefusalIsDeliveredOnALaterAttemptAndAPermanentOneIsSuppressedAsBounced() throws InterruptedException {
        String greylisted = RUN + "-greylisted@exemple.fr";
        String bounced = RUN + "-bounce-0@exemple.fr";
        List<String> fine = List.of(RUN + "-ok-1@exemple.fr", RUN + "-ok-2@exemple.fr", RUN + "-ok-3@exemple.fr");
        List<String> everyone = new ArrayList<>(fine);
        everyone.add(1, greylisted);
        everyone.add(3, bounced);
        String listId = CampaignApi.listOf(api, RUN + "-mixed", everyone);
        long t0 = System.nanoTime();
        String campaign = CampaignApi.sendNow(api, RUN + "-mixed", CampaignApi.survey(api, RUN), listId);

        String view = CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("DONE", CampaignApi.status(view), view);
        String progress = CampaignApi.progress(api, campaign);
        assertEquals(5, CampaignApi.number(progress, "recipients"), progress);
        assertEquals(4, CampaignApi.number(progress, "sent"), progress);
        assertEquals(1, CampaignApi.number(progress, "failed"), progress);
        assertEquals(0, CampaignApi.number(progress, "pending"), progress);

        List<Long> tries = smtp.rcptTimes(greylisted);
        assertEquals(2, tries.size(), "refused once, accepted at the second attempt");
        assertEquals(1, smtp.deliveredTo(greylisted));
        long gap = tries.get(1) - tries.get(0);
        assertTrue(gap >= RETRY_DELAY_SECONDS * 1000 - 50 && gap < 30_000,
                "retried after the configured delay (" + RETRY_DELAY_SECONDS + " s), not the default minute: " + gap + " ms");

        assertEquals(0, smtp.deliveredTo(bounced));
        assertEquals(1, smtp.rcptTimes(bounced).size(), "a permanent refusal is not retried");
        String suppressions = api.get("api/suppressions?q=" + RUN + "-bounce-0").body();
        assertEquals("BOUNCED", Json.string(Json.only(Json.array(suppressions), "", "email", bounced), "reason"), suppressions);

        for (String address : fine) {
            assertEquals(1, smtp.deliveredTo(address), address);
            assertEquals(1, smtp.rcptTimes(address).size(), address);
        }
        System.out.printf("[smtp-failures] 451 retried after %d ms (retry delay %d s) and delivered; 550 failed and suppressed; "
                + "campaign of 5 DONE in %.1f s: %s%n", gap, RETRY_DELAY_SECONDS, seconds, progress);
    }

    @Test
    void aCampaignWhoseMessagesMostlyBouncePausesItselfAndSaysWhy() throws InterruptedException {
        int size = 3 * BATCH;
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // one good address in ten
            emails.add(RUN + (i % 10 == 9 ? "-fine-" : "-bouncing-") + i + "@exemple.fr");
        }
        String listId = CampaignApi.listOf(api, RUN + "-bouncing", emails);
        String campaign = CampaignApi.sendNow(api, RUN + "-bouncing", CampaignApi.survey(api, RUN + "-b"), listId);

        String view = CampaignApi.awaitStatus(api, campaign, "PAUSED", Duration.ofSeconds(60));
        assertEquals("PAUSED", CampaignApi.status(view), view);
        String reason = Json.string(Json.object(view), "pausedReason");
        assertTrue(reason.matches("\\d+ of the last \\d+ messages failed.*"), view);
        Thread.sleep(1500); // a few more dispatch rounds: nothing more goes out
        String progress = CampaignApi.progress(api, campaign);
        long failed = CampaignApi.number(progress, "failed");
        long pending = CampaignApi.number(progress, "pending");
        assertTrue(failed >= 10, progress);
        assertTrue(pending >= size - BATCH, "the pause stops the sending at once, on every sending thread: " + progress);
        long tried = emails.stream().filter(e -> !smtp.rcptTimes(e).isEmpty()).count();
        assertEquals(size - pending, tried, "nothing went out after the pause");
        System.out.printf("[smtp-failures] campaign of %d (9 in 10 bouncing) paused itself after %d tried, %d left pending: \"%s\"%n",
                size, tried, pending, reason);
    }
}
