package org.npsloop.domain.nps;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The length of one point of an NPS trend: ISO weeks (from Monday), calendar months or quarters. */
public enum TrendGranularity {
    WEEK, MONTH, QUARTER;

    /** The first day of the period the day falls in. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate nextPeriodStart(LocalDate start) {
        LocalDate first = periodStart(start);
        return switch (this) {
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
        };
    }
}
