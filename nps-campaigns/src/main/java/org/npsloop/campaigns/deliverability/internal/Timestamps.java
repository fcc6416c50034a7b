package org.npsloop.campaigns.deliverability.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The freshness check of the signed timestamps (Unix seconds) of SendGrid and Mailgun. */
final class Timestamps {

    private Timestamps() {
    }

    /** @throws EspRefusal when the timestamp is not a number or further than {@code tolerance} from now */
    static Instant checkFresh(String unixSeconds, Duration tolerance, Clock clock) {
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(unixSeconds.strip()));
        } catch (RuntimeException e) {
            throw EspRefusal.forbidden("esp.error.stale", "timestamp " + unixSeconds);
        }
        Instant now = clock.instant();
        if (at.isBefore(now.minus(tolerance)) || at.isAfter(now.plus(tolerance))) {
            throw EspRefusal.forbidden("esp.error.stale", "timestamp " + unixSeconds + " vs now " + now.getEpochSecond());
        }
        return at;
    }
}
