package org.npsloop.domain.publication;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The period a new publication starts with: three calendar months ending with the month of the latest answer
 * (cut at today), so that an executive opens the editor on figures rather than on an empty current quarter.
 * Without any answer yet: the three complete months before this one.
 */
public record DefaultPeriod(LocalDate from, LocalDate to) {

    /** Months a default period covers. */
    public static final int MONTHS = 3;

    /** @param lastAnswer the day (in the report zone) of the latest answer counted in reports, if any */
    public static DefaultPeriod of(Optional<LocalDate> lastAnswer, LocalDate today) {
        YearMonth last = lastAnswer.map(day -> YearMonth.from(day.isAfter(today) ? today : day))
                .orElse(YearMonth.from(today).minusMonths(1));
        LocalDate end = last.atEndOfMonth();
        return new DefaultPeriod(last.minusMonths(MONTHS - 1L).atDay(1), end.isAfter(today) ? today : end);
    }
}
