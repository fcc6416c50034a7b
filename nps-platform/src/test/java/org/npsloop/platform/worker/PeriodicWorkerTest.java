package org.npsloop.platform.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicWorkerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Logger log = Logger.getLogger(PeriodicWorkerTest.class.getName());

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    @Test
    void startRunsRoundAfterRoundEachAfterTheInterval() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        AtomicInteger delaysAsked = new AtomicInteger();
        PeriodicWorker worker = PeriodicWorker.of("Test round", scheduler, () -> {
            delaysAsked.incrementAndGet();
            return 5;
        }, three::countDown, log);
        worker.start();
        assertTrue(three.await(5, TimeUnit.SECONDS));
        worker.stop();
        assertTrue(delaysAsked.get() >= 3, "the interval is read again before each round");
    }

    @Test
    void aFailingRoundIsLoggedAndTheLoopGoesOn() throws Exception {
        CountDownLatch rounds = new CountDownLatch(3);
        AtomicInteger warnings = new AtomicInteger();
        Handler counting = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING
                        && record.getMessage().equals("Test round failed; trying again next round")) {
                    warnings.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(counting);
        try {
            PeriodicWorker worker = PeriodicWorker.of("Test round", scheduler, () -> 1, () -> {
                rounds.countDown();
                throw new java.sql.SQLException("database away");
            }, log);
            worker.start();
            assertTrue(rounds.await(5, TimeUnit.SECONDS));
            worker.stop();
            assertTrue(warnings.get() >= 2);
        } finally {
            log.removeHandler(counting);
        }
    }

    @Test
    void aRuntimeExceptionDoesNotEscapeTick() {
        PeriodicWorker worker = PeriodicWorker.of("Test round", scheduler, () -> 1, () -> {
            throw new IllegalStateException("broken");
        }, log);
        worker.tick(); // no exception
    }

    @Test
    void roundsWaitUntilNoMigrationIsPendingThenNeverAskAgain() {
        AtomicInteger pending = new AtomicInteger(2);
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        PeriodicWorker worker = PeriodicWorker.of("Test round", scheduler, () -> 1, ran::incrementAndGet, log)
                .waitingForSchema(() -> {
                    asked.incrementAndGet();
                    if (pending.get() < 0) {
                        throw new IllegalStateException("Flyway not there yet");
                    }
                    return pending.get();
                });
        pending.set(-1);
        worker.tick();
        pending.set(1);
        worker.tick();
        assertEquals(0, ran.get());
        pending.set(0);
        worker.tick();
        worker.tick();
        assertEquals(2, ran.get());
        assertEquals(3, asked.get());
    }

    @Test
    void withoutASchemaWaitRoundsRunAtOnce() {
        AtomicInteger ran = new AtomicInteger();
        PeriodicWorker.of("Test round", scheduler, () -> 1, ran::incrementAndGet, log).tick();
        assertEquals(1, ran.get());
    }

    @Test
    void stopCancelsTheNextRound() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        PeriodicWorker worker = PeriodicWorker.of("Test round", scheduler, () -> 200, ran::incrementAndGet, log);
        worker.start();
        worker.stop();
        assertTrue(worker.stopped());
        Thread.sleep(400);
        assertEquals(0, ran.get());
    }

    @Test
    void aRoundRunningWhenStoppedEndsAndNoOtherFollows() throws Exception {
        CountDownLatch inRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger sawStopped = new AtomicInteger();
        PeriodicWorker[] holder = new PeriodicWorker[1];
        holder[0] = PeriodicWorker.of("Test round", scheduler, () -> 1, () -> {
            ran.incrementAndGet();
            inRound.countDown();
            release.await(5, TimeUnit.SECONDS);
            if (holder[0].stopped()) {
                sawStopped.incrementAndGet();
            }
        }, log);
        holder[0].start();
        assertTrue(inRound.await(5, TimeUnit.SECONDS));
        holder[0].stop();
        release.countDown();
        Thread.sleep(100);
        assertEquals(1, ran.get());
        assertEquals(1, sawStopped.get(), "a long round sees stopped() and may end early");
    }

    @Test
    void instanceNamesAreUniqueAndCutToTheColumn() {
        String a = PeriodicWorker.instanceName("webhook", 200);
        String b = PeriodicWorker.instanceName("webhook", 200);
        assertFalse(a.equals(b));
        assertTrue(a.matches(".*-webhook-[0-9a-f]{8}"), a);
        assertTrue(PeriodicWorker.instanceName(null, 100).matches(".*[^-]-[0-9a-f]{8}"));
        assertEquals(12, PeriodicWorker.instanceName("themes", 12).length());
    }
}
