package org.npsloop.web.it.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replaces the application's clock in a test deployment: the time stands still where the test puts
 * it, so that "7 days after the event" and send windows can be checked without waiting.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class AdjustableClock {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    @Produces
    Clock clock() {
        return new StoppedClock(ZoneOffset.UTC);
    }

    /** The test's instant in any zone: the application may ask for its clock in the report zone. */
    private static final class StoppedClock extends Clock {

        private final ZoneId zone;

        StoppedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new StoppedClock(newZone);
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    }
}
