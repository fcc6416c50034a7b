package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    @Test
    void eachWaitDoublesUntilTheCapThenItGivesUp() {
        WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 8);
        List<Long> waits = IntStream.rangeClosed(1, 7).mapToObj(backoff::after).map(d -> d.orElseThrow().toSeconds()).toList();
        assertEquals(List.of(30L, 60L, 120L, 240L, 300L, 300L, 300L), waits);
        assertEquals(Optional.empty(), backoff.after(8), "the 8th attempt was the last");
        assertEquals(Optional.empty(), backoff.after(100));
    }

    @Test
    void theDefaultsGiveUpAboutAnHourAfterTheEvent() {
        WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);
        long total = IntStream.rangeClosed(1, 7).mapToLong(n -> backoff.after(n).orElseThrow().toSeconds()).sum();
        assertEquals(30 * 127, total);
    }

    @Test
    void aSingleAttemptNeverRetriesAndHugeCountsDoNotOverflow() {
        assertEquals(Optional.empty(), new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).after(1));
        WebhookBackoff many = new WebhookBackoff(Duration.ofSeconds(1), Duration.ofDays(1), Integer.MAX_VALUE);
        assertEquals(Duration.ofDays(1), many.after(1_000_000).orElseThrow());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookBackoff(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new WebhookBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new WebhookBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
