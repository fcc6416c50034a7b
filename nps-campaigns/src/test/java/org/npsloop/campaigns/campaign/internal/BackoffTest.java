package org.npsloop.campaigns.campaign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDefaultRetriesAfterOneFiveFifteenAndSixtyMinutesThenGivesUp() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)),
                Backoff.DEFAULT.delays());
        assertEquals(Optional.of(Duration.ofMinutes(1)), Backoff.DEFAULT.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(60)), Backoff.DEFAULT.after(4));
        assertTrue(Backoff.DEFAULT.after(5).isEmpty());
        assertTrue(Backoff.DEFAULT.after(0).isEmpty());
    }

    @Test
    void delaysAreCommaSeparatedSeconds() {
        Backoff quick = Backoff.of(" 2, 3 ");
        assertEquals(Optional.of(Duration.ofSeconds(2)), quick.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(3)), quick.after(2));
        assertTrue(quick.after(3).isEmpty(), "two retries, then the invitation fails");
    }

    @Test
    void aBadValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backoff.of("60,5m"));
        assertTrue(e.getMessage().contains("'5m'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backoff.of("60,,300"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.of("0"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.of("-5"));
    }
}
