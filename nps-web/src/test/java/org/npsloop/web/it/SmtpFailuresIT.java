package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the dispatcher does with SMTP refusals, against {@link FakeSmtpServer}: a 4xx is retried after
 * the configured delay and then delivered, a 5xx fails the invitation and suppresses the address as
 * bounced, and a campaign whose messages mostly bounce pauses itself; throttling replies (421, 454) slow
 * the instance down, then it climbs back. The app runs in a Payara Micro process of its own (the Arquillian
 * one is tied to GreenMail's port), with 2-second retry delays and 40 messages a second. The throttling test
 * runs first: it measures the instance's pace from the configured rate, which the others' 451 lowers a while.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmtpFailuresIT {

    private static final String RUN = Deployments.unique("smtpfail");
    private static final long RETRY_DELAY_SECONDS = 2;
    private static final int BATCH = 20;
    private static final int RATE = 40;
    private static final int RECOVER_AFTER = 10;
    /** The throttling test: its first messages are accepted, then the server throttles for this long. */
    private static final int ACCEPTED_BEFORE_THROTTLE = 60;
    private static final long THROTTLE_MILLIS = 1500;
    private static final AtomicInteger pacedAccepted = new AtomicInteger();
    private static final AtomicLong throttleFrom = new AtomicLong();
    private static final AtomicInteger throttleReplies = new AtomicInteger();
    private static final AtomicInteger closingReplies = new AtomicInteger();

    private static FakeSmtpServer smtp;
    private static PayaraMicroProcess app;
    private static WebClient api;

    @BeforeAll
    static void start() {
        // Greylisting: the first RCPT of a "greylisted" address is refused for now; "bounce" addresses never exist.
        smtp = FakeSmtpServer.start((recipient, attempt) -> !recipient.startsWith(RUN) ? 250
                : recipient.contains("-greylisted") && attempt == 1 ? 451
                : recipient.contains("-paced-") ? paced()
                : recipient.contains("-bounc") ? 550 : 250);
        app = new PayaraMicroProcess("smtp-failures", Map.of("NPS_SMTP_PORT", String.valueOf(smtp.port()),
                "NPS_DISPATCH_RETRY_DELAYS", RETRY_DELAY_SECONDS + "," + RETRY_DELAY_SECONDS,
                "NPS_DISPATCH_BATCH", String.valueOf(BATCH), "NPS_DISPATCH_RATE", String.valueOf(RATE),
                "NPS_DISPATCH_THROTTLE_RECOVER_AFTER", String.valueOf(RECOVER_AFTER),
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

    /** Accepts the first messages, then throttles everything for a while (454 and 421 in turn), then accepts again. */
    private static int paced() {
        long now = System.currentTimeMillis();
        long from = throttleFrom.get();
        if (from == 0 && pacedAccepted.get() >= ACCEPTED_BEFORE_THROTTLE) {
            throttleFrom.compareAndSet(0, now);
            from = throttleFrom.get();
        }
        if (from != 0 && now < from + THROTTLE_MILLIS) {
            if (throttleReplies.incrementAndGet() % 2 == 0) {
                closingReplies.incrementAndGet();
                return 421;
            }
            return 454;
        }
        pacedAccepted.incrementAndGet();
        return 250;
    }

    @Test
    @Order(1)
    void throttlingRepliesSlowTheInstanceDownEveryMessageStillGoesOutOnceAndThePaceClimbsBack() throws InterruptedException {
        int size = 250;
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            emails.add(RUN + "-paced-" + i + "@exemple.fr");
        }
        String listId = CampaignApi.listOf(api, RUN + "-paced", emails);
        WebClient scraper = AudienceApi.withKey(app.base(), "ADMIN");
        assertEquals(RATE, gauge(scraper), 0.001, "the configured rate, before any throttle");
        long connectionsBefore = smtp.connections();
        String campaign = CampaignApi.sendNow(api, RUN + "-paced", CampaignApi.survey(api, RUN + "-p"), listId);

        double lowestGauge = RATE;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String view = api.get("api/campaigns/" + campaign).body();
        while (!"DONE".equals(CampaignApi.status(view)) && System.nanoTime() < deadline) {
            lowestGauge = Math.min(lowestGauge, gauge(scraper));
            Thread.sleep(100);
            view = api.get("api/campaigns/" + campaign).body();
        }
        assertEquals("DONE", CampaignApi.status(view), view);
        String progress = CampaignApi.progress(api, campaign);
        assertEquals(size, CampaignApi.number(progress, "sent"), progress);
        for (String address : emails) {
            assertEquals(1, smtp.deliveredTo(address), address);
        }
        assertTrue(throttleReplies.get() >= 2, "the server throttled: " + throttleReplies);
        assertTrue(smtp.connections() - connectionsBefore >= 1 + closingReplies.get(),
                "each connection closed by a 421 was opened again: " + (smtp.connections() - connectionsBefore)
                        + " connections, " + closingReplies + " closed");

        // The instance's pace, from the server's side: every RCPT of the campaign, in order of arrival.
        List<Long> times = emails.stream().flatMap(e -> smtp.rcptTimes(e).stream()).sorted().collect(Collectors.toList());
        long end = throttleFrom.get() + THROTTLE_MILLIS;
        List<Long> before = times.subList(ACCEPTED_BEFORE_THROTTLE - 30, ACCEPTED_BEFORE_THROTTLE);
        List<Long> afterwards = times.stream().filter(t -> t >= end).collect(Collectors.toList());
        double rateBefore = rate(before);
        double rateJustAfter = rate(afterwards.subList(0, RECOVER_AFTER));
        double rateAtTheEnd = rate(times.subList(times.size() - 30, times.size()));
        System.out.printf("[smtp-failures] %d throttling replies (%d of them 421, connection closed and opened again) in %d ms: "
                + "%.1f messages/s before, %.1f just after, %.1f at the end (configured %d); gauge went down to %.2f, now %.2f%n",
                throttleReplies.get(), closingReplies.get(), THROTTLE_MILLIS, rateBefore, rateJustAfter, rateAtTheEnd, RATE,
                lowestGauge, gauge(scraper));
        System.out.println("[smtp-failures] /metrics: " + gaugeLine);
        assertTrue(rateJustAfter < rateBefore * 0.6, "slowed down: " + rateBefore + " → " + rateJustAfter);
        assertTrue(rateAtTheEnd > rateJustAfter * 1.5 && rateAtTheEnd > RATE * 0.6,
                "climbed back: " + rateJustAfter + " → " + rateAtTheEnd);
        assertTrue(lowestGauge <= RATE / 2.0, "the exposed rate showed the slowdown: " + lowestGauge);
    }

    /** Messages a second over these arrival times (milliseconds). */
    private static double rate(List<Long> times) {
        return (times.size() - 1) * 1000.0 / Math.max(1, times.get(times.size() - 1) - times.get(0));
    }

    private static final Pattern GAUGE = Pattern.compile("(?m)^[^#\\n]*nps_dispatch_rate[^\\s]*\\s+([0-9.Ee+-]+)\\s*$");

    /** The instance's current rate, as Prometheus reads it from /metrics. */
    private static double gauge(WebClient admin) {
        String metrics = admin.get("metrics").body();
        Matcher m = GAUGE.matcher(metrics);
        assertTrue(m.find(), "nps_dispatch_rate in /metrics: " + metrics.lines().filter(l -> l.contains("nps"))
                .collect(Collectors.joining("\n")));
        gaugeLine = m.group().strip();
        return Double.parseDouble(m.group(1));
    }

    private static volatile String gaugeLine;

    @Test
    @Order(2)
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
    @Order(3)
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
