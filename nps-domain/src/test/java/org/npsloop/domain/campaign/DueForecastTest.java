package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueForecastTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 10:00 in Paris on Monday 23 November 2026. */
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final JourneyTrigger THREE_DAYS_AFTER_SIGNUP = new JourneyTrigger("SIGNUP", 3);

    @Test
    void eachContactCountsOnTheDayItsEventPlusTheDelayFallsOnInTheCampaignsZone() {
        DueForecast forecast = new DueForecast(THREE_DAYS_AFTER_SIGNUP, PARIS, NOW, null, 14);
        forecast.add(1, NOW.minus(Duration.ofDays(2)), true);               // due tomorrow
        forecast.add(2, NOW.minus(Duration.ofDays(2)).plusSeconds(60), false); // due tomorrow, unsubscribed
        forecast.add(3, Instant.parse("2026-11-22T23:30:00Z"), true);        // 00:30 in Paris on the 23rd: due the 26th
        forecast.add(4, NOW.minus(Duration.ofDays(3)).minusSeconds(1), true); // already due: invited before, not counted

        List<DueForecast.Day> days = forecast.days();
        assertEquals(14, days.size());
        assertEquals(new DueForecast.Day(LocalDate.of(2026, 11, 23), 0, 0), days.get(0));
        assertEquals(new DueForecast.Day(LocalDate.of(2026, 11, 24), 2, 1), days.get(1));
        assertEquals(new DueForecast.Day(LocalDate.of(2026, 11, 26), 1, 1), days.get(3));
        assertEquals(3, days.stream().mapToInt(DueForecast.Day::due).sum());
    }

    @Test
    void aContactWithSeveralEventsTheSameDayCountsOnceAndTheWindowIsWhatToRead() {
        DueForecast forecast = new DueForecast(THREE_DAYS_AFTER_SIGNUP, PARIS, NOW, null, 2);
        forecast.add(7, NOW.minus(Duration.ofDays(2)), true);
        forecast.add(7, NOW.minus(Duration.ofDays(2)).plusSeconds(3600), true);
        assertEquals(1, forecast.days().get(1).due());
        assertEquals(NOW.minus(Duration.ofDays(3)), forecast.occurredAfter());
        // Two days from the 23rd: due before midnight (Paris) starting the 25th, so events up to the 22nd at midnight.
        assertEquals(Instant.parse("2026-11-21T23:00:00Z"), forecast.occurredUpTo());
    }

    @Test
    void nothingIsDueBeforeTheCampaignIsActive() {
        Instant activeFrom = Instant.parse("2026-11-25T08:00:00Z");
        DueForecast forecast = new DueForecast(THREE_DAYS_AFTER_SIGNUP, PARIS, NOW, activeFrom, 7);
        forecast.add(1, NOW.minus(Duration.ofDays(2)), true);  // due the 24th: before the campaign starts
        forecast.add(2, NOW.plus(Duration.ofDays(1)), true);   // a future event (a renewal date): due the 27th
        assertEquals(0, forecast.days().get(1).due());
        assertEquals(1, forecast.days().get(4).due());
        assertEquals(activeFrom.minus(Duration.ofDays(3)), forecast.occurredAfter());
    }

    @Test
    void aForecastCoversOneToNinetyDays() {
        assertThrows(IllegalArgumentException.class, () -> new DueForecast(THREE_DAYS_AFTER_SIGNUP, PARIS, NOW, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new DueForecast(THREE_DAYS_AFTER_SIGNUP, PARIS, NOW, null, 91));
    }
}
