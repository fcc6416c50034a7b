package org.npsloop.platform.worker;

import java.net.InetAddress;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop of a background worker, written once: a round every interval on the container's scheduled
 * executor, each round scheduling the next, rounds waiting until the schema is migrated, a failed round
 * logged and the next one run anyway, no round after {@link #stop()}. The worker bean owns one, starts it
 * when the application has started ({@code @Observes @Initialized(ApplicationScoped.class)}) and stops it
 * in its {@code @PreDestroy}; what a round does stays in the bean.
 *
 * <p>One one-shot task per round rather than {@code scheduleWithFixedDelay}: Payara runs every round of a
 * periodic task in the same component invocation, so anything a round leaves in it (a closed
 * container-managed EntityManager once made every later round fail with "databaseSession is null")
 * would spill into all the rounds after it.
 */
public final class PeriodicWorker {

    /**
     * The scheduled executor every worker's loop runs on, defined by nps-web with a thread per worker. Not the
     * container's default one: Payara's has a core pool of 0, which a scheduled pool reads as one thread, so a
     * long round of one worker (a segment recount, a campaign's planning) held back every other worker's rounds.
     */
    public static final String SCHEDULER = "java:app/concurrent/workers";

    /** Threads of {@link #SCHEDULER}: at least one per worker loop (thirteen with the retention), so that no round waits for another's. */
    public static final int SCHEDULER_THREADS = 14;

    /** What one round does; it may throw, the loop goes on. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    private final String what;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier delayMillis;
    private final Round round;
    private final Logger log;
    private final IntSupplier pendingMigrations;

    private volatile ScheduledFuture<?> ticking;
    private volatile boolean stopped;
    private volatile boolean schemaReady;

    private PeriodicWorker(String what, ScheduledExecutorService scheduler, LongSupplier delayMillis, Round round,
            Logger log, IntSupplier pendingMigrations) {
        this.what = Objects.requireNonNull(what);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.delayMillis = Objects.requireNonNull(delayMillis);
        this.round = Objects.requireNonNull(round);
        this.log = Objects.requireNonNull(log);
        this.pendingMigrations = pendingMigrations;
    }

    /**
     * @param what names the round in the log: "{what} failed; trying again next round"
     * @param delayMillis the pause before each round, read again each time
     * @param log the worker's own logger, so that its log lines keep their name
     */
    public static PeriodicWorker of(String what, ScheduledExecutorService scheduler, LongSupplier delayMillis,
            Round round, Logger log) {
        return new PeriodicWorker(what, scheduler, delayMillis, round, log, null);
    }

    /**
     * The same loop whose rounds do nothing until no migration is pending (a first start creates the
     * schema while the application starts); asked each round until it is ready, then never again.
     */
    public PeriodicWorker waitingForSchema(IntSupplier pendingMigrations) {
        return new PeriodicWorker(what, scheduler, delayMillis, round, log, Objects.requireNonNull(pendingMigrations));
    }

    /** Schedules the first round. */
    public void start() {
        scheduleNextTick();
    }

    private void scheduleNextTick() {
        if (!stopped) {
            ticking = scheduler.schedule(() -> {
                try {
                    tick();
                } finally {
                    scheduleNextTick();
                }
            }, Math.max(0, delayMillis.getAsLong()), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * No round starts after this; the next one is cancelled. A round already running is not
     * interrupted: it goes on to its end (long rounds look at {@link #stopped()}).
     */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> next = ticking;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** True once {@link #stop()} was called: a long round ends early. */
    public boolean stopped() {
        return stopped;
    }

    /** One round, now, on the caller's thread: never throws (except an Error), so that the schedule keeps running. */
    public void tick() {
        if (!schemaReady()) {
            return;
        }
        try {
            round.run();
        } catch (Exception e) {
            log.log(Level.WARNING, what + " failed; trying again next round", e);
        }
    }

    private boolean schemaReady() {
        if (!schemaReady) {
            if (pendingMigrations == null) {
                schemaReady = true;
            } else {
                try {
                    schemaReady = pendingMigrations.getAsInt() == 0;
                } catch (RuntimeException notYet) {
                    log.log(Level.FINE, "Schema not ready yet", notYet);
                }
            }
        }
        return schemaReady;
    }

    /**
     * A name for this instance's worker, unique among instances, as claims record it (claimed_by):
     * host, kind and a random part, cut from the left to {@code maxLength}.
     *
     * @param kind "webhook", "themes"...; null for none
     */
    public static String instanceName(String kind, int maxLength) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "instance";
        }
        String name = host + (kind == null ? "" : "-" + kind) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > maxLength ? name.substring(name.length() - maxLength) : name;
    }
}
