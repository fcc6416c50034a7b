package org.npsloop.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SendWindow OFFICE_HOURS = new SendWindow(9, 17, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void insideTheWindowAMessageGoesAtOnce() {
        Instant wednesdayMorning = Instant.parse("2026-11-25T09:30:00Z"); // 10:30 in Paris
        assertEquals(wednesdayMorning, OFFICE_HOURS.nextOpening(wednesdayMorning, PARIS));
    }

    @Test
    void beforeOpeningItWaitsForNineOClockInTheCampaignsZone() {
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), OFFICE_HOURS.nextOpening(Instant.parse("2026-11-25T05:00:00Z"), PARIS));
    }

    @Test
    void afterClosingOnFridayItWaitsForMonday() {
        Instant fridayEvening = Instant.parse("2026-11-27T17:30:00Z"); // 18:30 in Paris
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), OFFICE_HOURS.nextOpening(fridayEvening, PARIS));
        Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), OFFICE_HOURS.nextOpening(saturday, PARIS));
    }

    @Test
    void theClosingHourItselfIsOutside() {
        assertEquals(Instant.parse("2026-11-26T08:00:00Z"), OFFICE_HOURS.nextOpening(Instant.parse("2026-11-25T16:00:00Z"), PARIS));
    }

    @Test
    void hoursFollowTheWallClockAcrossADaylightSavingChange() {
        // Summer time in Paris is UTC+2: 9:00 there is 7:00 UTC.
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), OFFICE_HOURS.nextOpening(Instant.parse("2026-03-29T10:00:00Z"), PARIS));
    }

    @Test
    void anyTimeIsAlwaysOpen() {
        Instant sundayNight = Instant.parse("2026-11-29T02:00:00Z");
        assertEquals(sundayNight, SendWindow.ALWAYS.nextOpening(sundayNight, PARIS));
        assertTrue(SendWindow.ALWAYS.isAlways());
    }

    @Test
    void daysAreReadFromNamesOrIsoNumbers() {
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), SendWindow.parseDays("MON, fri"));
        assertEquals(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), SendWindow.parseDays("6,7"));
        assertThrows(IllegalArgumentException.class, () -> SendWindow.parseDays("someday"));
    }

    @Test
    void anEmptyOrInvertedWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SendWindow(17, 9, EnumSet.of(DayOfWeek.MONDAY)));
        assertThrows(IllegalArgumentException.class, () -> new SendWindow(9, 17, EnumSet.noneOf(DayOfWeek.class)));
        assertThrows(IllegalArgumentException.class, () -> new SendWindow(9, 25, EnumSet.of(DayOfWeek.MONDAY)));
    }
}
