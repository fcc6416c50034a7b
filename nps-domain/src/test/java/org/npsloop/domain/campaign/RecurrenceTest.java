package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void wavesFollowEachOtherByTheInterval() {
        Instant first = Instant.parse("2026-01-05T09:00:00Z");
        Recurrence fortnightly = new Recurrence(2, Recurrence.Unit.WEEKS);
        assertEquals(first, fortnightly.waveStart(first, 1, PARIS));
        assertEquals(Instant.parse("2026-01-19T09:00:00Z"), fortnightly.waveStart(first, 2, PARIS));
    }

    @Test
    void monthlyWavesKeepTheLocalHourAndUseTheLastDayOfShortMonths() {
        Instant first = Instant.parse("2026-01-31T09:00:00Z"); // 10:00 in Paris, winter time
        Recurrence monthly = new Recurrence(1, Recurrence.Unit.MONTHS);
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), monthly.waveStart(first, 2, PARIS));
        assertEquals(Instant.parse("2026-04-30T08:00:00Z"), monthly.waveStart(first, 4, PARIS), "10:00 summer time");
    }

    @Test
    void theIntervalIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new Recurrence(0, Recurrence.Unit.WEEKS));
        assertThrows(IllegalArgumentException.class, () -> new Recurrence(25, Recurrence.Unit.MONTHS));
        assertThrows(IllegalArgumentException.class, () -> new Recurrence(1, null));
    }
}
