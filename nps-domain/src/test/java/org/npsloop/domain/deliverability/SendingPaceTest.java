package org.npsloop.domain.deliverability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendingPaceTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    private SendingPace pace(double ceiling) {
        return new SendingPace(ceiling, 2, 10, Duration.ofSeconds(30), now::get);
    }

    private void advance(double seconds) {
        now.addAndGet((long) (seconds * SECOND));
    }

    @Test
    void providersThrottlingRepliesAreRecognisedAndOtherTemporaryRefusalsAreNot() {
        assertTrue(SendingPace.isThrottling(454, "Throttling failure: Maximum sending rate exceeded."));
        assertTrue(SendingPace.isThrottling(421, "4.7.0 Our system has detected an unusual rate of unsolicited mail"));
        assertTrue(SendingPace.isThrottling(451, "4.7.1 greylisted"));
        assertTrue(SendingPace.isThrottling(450, "4.7.1 Too many messages from your IP, try again later"));
        assertTrue(SendingPace.isThrottling(452, "4.5.3 Rate limit exceeded"));
        assertFalse(SendingPace.isThrottling(452, "4.2.2 Mailbox full"));
        assertFalse(SendingPace.isThrottling(450, "4.2.0 Mailbox busy"));
        assertFalse(SendingPace.isThrottling(550, "5.7.1 Too many complaints"), "a permanent refusal is a bounce");
        assertFalse(SendingPace.isThrottling(0, "Cannot connect: try again later"), "no reply: no server asked anything");
    }

    @Test
    void aThrottleHalvesTheRateAndTheSlotsSpreadAccordingly() {
        SendingPace pace = pace(100);
        assertEquals(0, pace.reserve());
        assertEquals(SECOND / 100, pace.reserve(), "10 ms apart at 100 a second");
        assertTrue(pace.throttled());
        assertEquals(50, pace.currentRate());
        assertTrue(pace.slowed());
        pace.reserve(); // the slot handed out before the throttle
        long second = pace.reserve();
        long third = pace.reserve();
        assertEquals(SECOND / 50, third - second, "20 ms apart at 50 a second");
    }

    @Test
    void aBurstOfRefusalsFromTheMessagesInFlightHalvesOnceThenEachSecondDownToTheFloor() {
        SendingPace pace = pace(100);
        assertTrue(pace.throttled());
        assertFalse(pace.throttled());
        assertFalse(pace.throttled());
        assertEquals(50, pace.currentRate());
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            advance(1);
            pace.throttled();
            rates.add(pace.currentRate());
        }
        assertEquals(List.of(25.0, 12.5, 6.25, 3.125, 2.0, 2.0, 2.0, 2.0), rates, "halved down to the floor of 2, not below");
    }

    @Test
    void acceptedMessagesRaiseTheRateStepByStepBackToTheCeiling() {
        SendingPace pace = pace(100);
        pace.throttled();
        advance(1.1);
        pace.throttled();
        assertEquals(25, pace.currentRate());
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pace.accepted();
            if (i % 10 == 9) {
                rates.add(pace.currentRate());
            }
        }
        assertEquals(List.of(35.0, 45.0, 55.0, 65.0, 75.0, 85.0, 95.0, 100.0, 100.0, 100.0), rates,
                "a tenth of the ceiling per 10 accepted messages, never above it");
        assertFalse(pace.slowed());
    }

    @Test
    void aQuietPeriodWithoutThrottleRaisesTheRateToo() {
        SendingPace pace = pace(100);
        pace.throttled();
        advance(29);
        assertEquals(50, pace.currentRate());
        advance(1);
        assertEquals(60, pace.currentRate());
        advance(90);
        assertEquals(90, pace.currentRate(), "one step per quiet period, even when nobody asked in between");
        advance(600);
        assertEquals(100, pace.currentRate());
    }

    @Test
    void aThrottleRestartsTheQuietPeriod() {
        SendingPace pace = pace(100);
        pace.throttled();
        advance(20);
        pace.throttled();
        advance(20);
        assertEquals(25, pace.currentRate(), "20 s after the last throttle is not quiet enough");
    }

    @Test
    void unlimitedStartsFromTheMeasuredRateAndBecomesUnlimitedAgain() {
        SendingPace pace = pace(0);
        for (int i = 0; i < 40; i++) {
            assertEquals(0, pace.reserve(), "no wait when unlimited");
            pace.accepted();
            advance(0.005); // 200 a second
        }
        assertTrue(pace.throttled());
        assertEquals(100, pace.currentRate(), 0.01, "half of the 200 a second measured");
        int accepted = 0;
        while (pace.slowed() && accepted < 1000) {
            pace.accepted();
            accepted++;
        }
        assertEquals(0, pace.currentRate(), "unlimited again");
        assertEquals(50, accepted, "5 steps of a tenth of the measured rate, 10 messages each");
    }

    @Test
    void threadsShareThePaceWithoutLosingASlotOrAChange() throws InterruptedException {
        SendingPace pace = pace(1000);
        int threads = 8;
        int each = 500;
        ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    waits.add(pace.reserve());
                    if (id == 0 && i == 100) {
                        pace.throttled();
                    } else {
                        pace.accepted();
                    }
                    double rate = pace.currentRate();
                    if (rate < 2 || rate > 1000) {
                        throw new AssertionError(rate);
                    }
                }
            });
            thread.start();
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        assertEquals(threads * each, waits.size());
        assertEquals(waits.size(), waits.stream().distinct().count(), "every caller got a slot of its own (time stands still)");
        assertFalse(pace.slowed(), "back to the ceiling after the accepted messages: " + pace.currentRate());
    }
}
