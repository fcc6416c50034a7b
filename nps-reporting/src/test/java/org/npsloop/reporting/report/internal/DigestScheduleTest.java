package org.npsloop.reporting.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.reporting.ReportFilter;

/** When a week's digest is due (weekday and hour in the report zone) and which days a report covers. */
class DigestScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theLatestSlotIsThisWeeksOnceItsHourHasComeElseLastWeeks() {
        // Monday 2030-01-07 08:00 in Paris is 07:00 UTC (winter time).
        assertEquals(Instant.parse("2030-01-07T07:00:00Z"),
                DefaultDigestService.latestSlot(Instant.parse("2030-01-07T07:00:00Z"), PARIS, DayOfWeek.MONDAY, 8));
        assertEquals(Instant.parse("2029-12-31T07:00:00Z"),
                DefaultDigestService.latestSlot(Instant.parse("2030-01-07T06:59:59Z"), PARIS, DayOfWeek.MONDAY, 8));
        assertEquals(Instant.parse("2030-01-07T07:00:00Z"),
                DefaultDigestService.latestSlot(Instant.parse("2030-01-13T22:59:00Z"), PARIS, DayOfWeek.MONDAY, 8));
        // Sunday 23:30 UTC is already Monday in Paris.
        assertEquals(Instant.parse("2030-01-13T23:00:00Z"),
                DefaultDigestService.latestSlot(Instant.parse("2030-01-13T23:30:00Z"), PARIS, DayOfWeek.MONDAY, 0));
        // Summer time: 08:00 in Paris is 06:00 UTC.
        assertEquals(Instant.parse("2030-07-01T06:00:00Z"),
                DefaultDigestService.latestSlot(Instant.parse("2030-07-03T12:00:00Z"), PARIS, DayOfWeek.MONDAY, 8));
    }

    @Test
    void aReportWithoutPeriodCoversTheLast30DaysAndAnOpenEndIsClosed() {
        LocalDate today = LocalDate.of(2026, 3, 31);
        ReportFilter none = DefaultInternalReportService.withPeriod(ReportFilter.everything(), today);
        assertEquals(LocalDate.of(2026, 3, 2), none.from());
        assertEquals(today, none.to());
        ReportFilter since = DefaultInternalReportService.withPeriod(ReportFilter.period(LocalDate.of(2026, 1, 1), null), today);
        assertEquals(LocalDate.of(2026, 1, 1), since.from());
        assertEquals(today, since.to());
        ReportFilter until = DefaultInternalReportService.withPeriod(ReportFilter.period(null, LocalDate.of(2026, 2, 28)), today);
        assertEquals(LocalDate.of(2026, 1, 30), until.from());
    }

    @Test
    void theTrendIsWeeklyUpToTwoMonthsMonthlyUpToTwoYears() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        assertEquals(TrendGranularity.WEEK, DefaultInternalReportService.granularity(start, start.plusDays(61)));
        assertEquals(TrendGranularity.MONTH, DefaultInternalReportService.granularity(start, start.plusDays(62)));
        assertEquals(TrendGranularity.MONTH, DefaultInternalReportService.granularity(start, start.plusDays(730)));
        assertEquals(TrendGranularity.QUARTER, DefaultInternalReportService.granularity(start, start.plusDays(731)));
    }
}
